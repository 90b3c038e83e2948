"""Which blame recognizer fires on a sentence, and on what: the debug view for a false
positive or a miss.

    python bench/why_blame.py "I stopped the cron job by hand until the fix shipped."
    python bench/why_blame.py --parse "..."     # also print every token's dependency and tag

For each sentence it prints the clauses (verb, action, subject and its kind, modal,
negation, passive) and the first recognizer in ``engine.PRIORITY`` that fires, with its
rule, construction and evidence tokens, or "no recognizer fires".
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lint_service.checks.blame.clauses import clauses  # noqa: E402
from lint_service.checks.blame.engine import PRIORITY, is_thanks  # noqa: E402
from lint_service.checks.blame.irony import ironic_praise  # noqa: E402
from lint_service.checks.blame.lexicon import load_lexicon  # noqa: E402
from lint_service.checks.blame.quotes import quoted_tokens  # noqa: E402
from lint_service.checks.blame.recognizers import SentenceView  # noqa: E402
from lint_service.nlp import load_pipeline, read_pipeline_spec  # noqa: E402


def explain(text: str, nlp=None, show_parse: bool = False) -> list[str]:
    """Lines describing how the blame recognizers read each sentence of ``text``."""
    nlp = nlp if nlp is not None else load_pipeline(read_pipeline_spec())
    lex = load_lexicon((), ())
    out: list[str] = []
    for sent in nlp(text).sents:
        out.append(f"== {sent.text}")
        if show_parse:
            out.append("   " + " ".join(f"{t.text}/{t.dep_}/{t.tag_}>{t.head.i - sent.start}" for t in sent))
        view = SentenceView(sent, clauses(sent, lex), quoted_tokens(sent, lex), lex)
        for c in view.clauses:
            out.append(f"   clause {c.verb.text!r} action {c.action.text!r} subject {c.subject.text if c.subject is not None else None!r} "
                       f"({c.subject_kind.name}) modal={c.modal} negated={c.negated} passive={c.passive}")
        recognizers = (ironic_praise,) if is_thanks(sent, lex) else PRIORITY
        for recognizer in recognizers:
            found = recognizer(view)
            if found is not None:
                out.append(f"   FIRES {recognizer.__module__.rsplit('.', 1)[-1]}.{recognizer.__name__}: {found.rule} "
                           f"[{found.construction}] evidence {[t.text for t in found.evidence]}")
                break
        else:
            out.append("   no recognizer fires")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sentences", nargs="+")
    ap.add_argument("--parse", action="store_true", help="print each token's dependency, tag and head")
    args = ap.parse_args()
    nlp = load_pipeline(read_pipeline_spec())
    for text in args.sentences:
        print("\n".join(explain(text, nlp, args.parse)))


if __name__ == "__main__":
    main()
