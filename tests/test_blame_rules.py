"""Every blame rule, and every construction of blame.person-subject, with true
positives and near-misses of the same shape that must stay silent.

The sentences are new (not from the dev corpus or tests/data). Each true
positive names the words the finding's message must mention, so a message that
stops saying *what* it objects to fails here. Cases marked
``xfail(strict=True)`` are engine bugs found by this suite; they are listed in
the reason so the fix can be checked by removing the mark.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lint_service import Linter

RULES_FILE = Path(__file__).resolve().parents[1] / "rules" / "checks.yaml"


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="module")
def we_linter() -> Linter:
    return Linter(config={"enable": ["blame.we-subject"]})


def blame_findings(linter: Linter, text: str) -> list:
    return [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]


_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+[A-Z]")


def assert_one_sentence(message: str) -> None:
    """A facilitator-facing message is a single sentence: capitalised (or opening
    with a quote), ending in a full stop, with no second sentence inside."""
    assert message, "empty message"
    assert message[0].isupper() or message[0] in "\"“'", f"message does not start a sentence: {message!r}"
    assert message.endswith("."), f"message does not end with a full stop: {message!r}"
    assert not _SENTENCE_BREAK.search(message[:-1]), f"message has more than one sentence: {message!r}"


def p(sentence: str, rule: str, words: tuple[str, ...], id: str, marks=()):  # noqa: A002 - pytest's name
    return pytest.param(sentence, rule, words, id=id, marks=marks)


PS = "blame.person-subject"

# (sentence, expected rule, words the message must name)
POSITIVES = [
    # --- person-subject: fault verb
    p("Joaquín misconfigured the ingress timeout on the checkout cluster.", PS, ("Joaquín", "misconfigured"), "fault-mis-verb"),
    p("The on-call SRE ignored the disk alert for six hours.", PS, ("on-call SRE", "ignored"), "fault-role"),
    p("She overlooked the expiry date on the signing certificate.", PS, ("She", "overlooked"), "fault-pronoun"),
    p("The payments squad skipped the load test before Black Friday.", PS, ("payments squad", "skipped"), "fault-team"),
    p("Ayşe botched the merge of the hotfix branch.", PS, ("Ayşe", "botched"), "fault-botched"),
    p("Tevita messed up the DNS cutover.", PS, ("Tevita", "messed"), "fault-phrasal"),
    p("Pita messed up the DNS cutover.", PS, ("Pita", "messed"), "fault-name-like-noun"),
    # --- person-subject: omission (did not / failed to / never / forgot to)
    p("Nkechi forgot to rotate the signing key before the audit.", PS, ("Nkechi", "forgot"), "omission-forgot"),
    p("Anahera did not run the smoke tests before promoting the release.", PS, ("Anahera", "run"), "omission-did-not"),
    p("Björn failed to notice that the replica had stopped syncing.", PS, ("Björn", "failed"), "omission-failed-to"),
    p("Wei never checked the queue depth dashboard during the rollout.", PS, ("Wei", "checked"), "omission-never"),
    p("Esperanza did not bother to read the deprecation warning.", PS, ("Esperanza", "bother"), "omission-bother"),
    # --- person-subject: negative framing
    p("Hamid pushed an untested change to the billing service.", PS, ("Hamid", "untested"), "framing-modifier"),
    p("Hamid pushed the change without review.", PS, ("Hamid", "without review"), "framing-without"),
    p("Liang deployed the hotfix accidentally to all regions.", PS, ("Liang", "accidentally"), "framing-adverb"),
    p("Hyun-woo mistakenly applied the staging manifest to production.", PS, ("Hyun-woo", "mistakenly"), "framing-mistakenly"),
    p("Chinedu went ahead with the migration even though the dry run failed.", PS, ("Chinedu",), "framing-even-though"),
    # --- person-subject: destructive action on a valuable object
    p("Svetlana deleted the production database.", PS, ("Svetlana", "deleted"), "destructive-production"),
    p("Farida deleted the last healthy replica to free up disk space.", PS, ("Farida", "deleted"), "destructive-last-replica"),
    p("Gideon nuked the shared Terraform state while clearing a lock.", PS, ("Gideon", "nuked"), "destructive-slang"),
    # --- person-subject: idiom
    p("Saoirse dropped the ball on the quota request.", PS, ("Saoirse", "dropped"), "idiom-dropped-the-ball"),
    p("Ops was caught napping when the queue backed up.", PS, ("Ops", "caught"), "idiom-passive"),
    # --- person-subject: delay
    p("Ifeoma took three hours to respond to the page.", PS, ("Ifeoma", "took"), "delay-took"),
    p("It took Dmitri two hours to notice the failing webhooks.", PS, ("Dmitri", "took"), "delay-it-took"),
    # --- person-subject: self-approval
    p("Rangi approved his own pull request.", PS, ("Rangi", "approved"), "self-approval"),
    p("Mbali signed off on her own change to the firewall rules.", PS, ("Mbali", "approved"), "self-approval-sign-off"),
    # --- person-subject: left in a risky state
    p("Leilani left the debug endpoint enabled in production.", PS, ("Leilani", "left", "enabled"), "left-enabled"),
    p("Aditi left the admin port open to the internet.", PS, ("Aditi", "left", "open"), "left-open"),
    # --- person-subject: marker-free risky circumstances
    p("Matteo ran the purge script against the live bucket.", PS, ("Matteo", "ran"), "risky-target"),
    p("Yusuf pasted the root credentials into a public gist.", PS, ("Yusuf", "pasted", "gist"), "risky-exposure"),
    p("Dariusz copied the customer records to his personal laptop.", PS, ("Dariusz", "copied", "laptop"), "risky-exposure-laptop"),
    p("Rowan pushed the schema change at 17:55 on a Friday and logged off.", PS, ("Rowan", "logged"), "risky-walked-away"),
    p("Tariq turned off two-factor authentication to save time.", PS, ("Tariq",), "risky-convenience"),
    p("Ximena disabled the backup cron and never turned it back on.", PS, ("Ximena", "disabled"), "risky-left-undone"),
    p("Bongani deployed during the code freeze.", PS, ("Bongani", "freeze"), "risky-time"),
    # --- passive-agent
    p("The staging bucket was emptied by Oksana during the quarterly cleanup.", "blame.passive-agent", ("Oksana",), "passive-person"),
    p("The alerting rules were accidentally overwritten by the SRE team.", "blame.passive-agent", ("SRE team",), "passive-team"),
    p("The customer records were copied by Dariusz to his personal laptop.", "blame.passive-agent", ("Dariusz",), "passive-exposure"),
    # --- possessive
    p("Mehmet's typo in the DNS record took the API offline.", "blame.possessive", ("Mehmet", "typo"), "possessive-typo"),
    p("Ngozi's rushed migration locked the orders table for an hour.", "blame.possessive", ("Ngozi", "migration"), "possessive-judged"),
    p("The outage was caused by Rafael's change to the rate limiter.", "blame.possessive", ("Rafael", "change"), "possessive-agent"),
    p("The bad regex in the WAF rule was mine.", "blame.possessive", ("regex", "mine"), "possessive-predicate"),
    # --- blame-noun
    p("The root cause was operator error.", "blame.blame-noun", ("operator error",), "noun-operator-error"),
    p("It was Tomasz's fault that the cache stampeded.", "blame.blame-noun", ("fault", "Tomasz"), "noun-fault"),
    p("Farrukh is to blame for the broken release.", "blame.blame-noun", ("blame", "Farrukh"), "noun-to-blame"),
    p("The culprit was the on-call engineer.", "blame.blame-noun", ("culprit", "on-call engineer"), "noun-culprit"),
    # --- counterfactual
    p("Kalinda should have waited for the canary before promoting the build.", "blame.counterfactual", ("Kalinda",), "cf-should"),
    p("If Seo-yeon had checked the diff, the outage would not have happened.", "blame.counterfactual", ("Seo-yeon",), "cf-if-had"),
    p("Had the reviewer read the migration, the lock would have been caught.", "blame.counterfactual", ("reviewer",), "cf-had-inverted"),
    p("Hiroshi ought to have rotated the key before leaving.", "blame.counterfactual", ("Hiroshi",), "cf-ought"),
    # --- judgement
    p("Amaru was careless with the production credentials.", "blame.judgement", ("careless",), "judgement-adjective"),
    p("It was reckless of Bashir to restart every broker at once.", "blame.judgement", ("reckless",), "judgement-of"),
    p("A more careful engineer would have spotted the missing index.", "blame.judgement", ("careful engineer",), "judgement-ideal-person"),
    p("The platform team handled the cutover sloppily.", "blame.judgement", ("sloppily",), "judgement-adverb"),
    p("Priyanka was asleep at the wheel during the failover.", "blame.judgement", ("asleep",), "judgement-idiom"),
    p("That was a sloppy deploy by the release team.", "blame.judgement", ("sloppy",), "judgement-of-team-work"),
    # --- person-directive
    p("Make sure Dagny never touches the billing cluster again.", "blame.person-directive", ("Dagny",), "directive-make-sure"),
    p("Tell Emeka to actually read the runbook next time.", "blame.person-directive", ("Emeka",), "directive-tell"),
    # --- person-cause
    p("Because of Xochitl, the checkout flow was down for an hour.", "blame.person-cause", ("Because of Xochitl",), "cause-because-of"),
    p("Due to the intern, every session token was invalidated.", "blame.person-cause", ("Due to the intern",), "cause-due-to"),
    p("Thanks to Aigerim, the whole site went down for an hour.", "blame.person-cause", ("Aigerim",), "cause-sarcastic-thanks"),
    p("Hats off to Sione for breaking the build again.", "blame.person-cause", ("Sione",), "cause-ironic-credit"),
    # --- first-person self-blame (rule 9)
    p("I forgot to renew the certificate.", PS, ("forgot",), "self-forgot"),
    p("My bad, I pushed the wrong tag.", "blame.blame-noun", ("my bad",), "self-my-bad"),
    p("That one's on me, I skipped the canary.", "blame.blame-noun", ("on me",), "self-on-me"),
    p("I should have checked the replica lag.", "blame.counterfactual", ("I",), "self-should-have"),
    p("I take full responsibility for the downtime on Tuesday.", "blame.blame-noun", ("responsibility",), "self-responsibility"),
    p("Mea culpa, the typo was mine.", "blame.blame-noun", ("mea culpa",), "self-mea-culpa"),
]

# Same shapes as the positives, blameless meaning: no blame finding at all.
NEAR_MISSES = [
    # fault verb: neutral verb, system subject, agentless passive, product names that look like people
    pytest.param("Joaquín configured the ingress timeout on the checkout cluster.", id="fault-neutral-verb"),
    pytest.param("Ayşe merged the hotfix branch after two approvals.", id="fault-neutral-merge"),
    pytest.param("The disk alert was ignored for six hours.", id="fault-agentless-passive"),
    pytest.param("Cassandra overlooked the tombstones during compaction.", id="fault-product-cassandra"),
    pytest.param("Jenkins skipped the integration stage after the cache miss.", id="fault-product-jenkins"),
    pytest.param("Consul forgot the service registration after the agent restarted.", id="fault-product-consul"),
    pytest.param("Sentry ignored the events from the old release.", id="fault-product-sentry"),
    pytest.param("Patroni promoted the wrong replica after the network partition.", id="fault-product-patroni"),
    # omission
    pytest.param("Nkechi rotated the signing key before the audit.", id="omission-done"),
    pytest.param("Anahera ran the smoke tests before promoting the release.", id="omission-ran"),
    pytest.param("The replica failed to sync after Björn restarted it.", id="omission-system-failed"),
    pytest.param("Vault failed to unseal because the KMS key was disabled.", id="omission-product-vault"),
    pytest.param("Esperanza did not see the deprecation warning because it was in a collapsed log section.", id="omission-condition"),
    pytest.param("Nobody forgot to renew the certificate; the renewal job was disabled.", id="omission-nobody"),
    pytest.param("Kofi did not forget anything; the reminder was never sent.", id="omission-negated-blame"),
    # framing
    pytest.param("Hamid pushed a tested change to the billing service.", id="framing-tested"),
    pytest.param("Hamid pushed the change after review.", id="framing-after-review"),
    pytest.param("Liang deployed the hotfix to all regions.", id="framing-plain-deploy"),
    pytest.param("Hyun-woo applied the staging manifest to staging.", id="framing-right-target"),
    pytest.param("Chinedu went ahead with the migration after the dry run passed.", id="framing-after-pass"),
    pytest.param("The deploy bot pushed the untested build to production.", id="framing-bot-subject"),
    pytest.param("Renovate merged the dependency bump without waiting for CI.", id="framing-product-renovate"),
    # destructive
    pytest.param("Svetlana deleted the old test fixtures.", id="destructive-harmless-object"),
    pytest.param("Jenkins deleted the production artifacts during the nightly cleanup.", id="destructive-product-jenkins"),
    pytest.param("The attacker deleted the production backups.", id="destructive-attacker"),
    pytest.param("The production backups were deleted by the attackers.", id="destructive-attacker-passive"),
    pytest.param("Ruslan wiped the broken preview environment and recreated it from the template.", id="destructive-recovery"),
    pytest.param("Gideon nuked the stale CI cache to free up space on the runner.", id="destructive-stale-cache"),
    # idiom
    pytest.param("Tupac dropped the temporary table after the migration finished.", id="idiom-literal-drop"),
    pytest.param("Priyanka was at the wheel during the failover drill.", id="idiom-literal-wheel"),
    # delay
    pytest.param("Ifeoma took three hours to finish the migration, as planned.", id="delay-planned"),
    pytest.param("Olamide took forty minutes to rebuild the index, well inside the estimate.", id="delay-within-estimate"),
    pytest.param("It took two hours to notice the failing webhooks because the alert was misrouted.", id="delay-no-person"),
    # self-approval
    pytest.param("Rangi approved the pull request from the mobile team.", id="approval-other-work"),
    pytest.param("Mbali signed off on the change to the firewall rules after the review.", id="approval-after-review"),
    pytest.param("Folake approved the rollback plan at 10:40.", id="approval-plan"),
    # left in a risky state
    pytest.param("Aditi left the maintenance page up until the migration finished.", id="left-maintenance-page"),
    pytest.param("Aditi left the office at six after handing over to the night shift.", id="left-the-office"),
    pytest.param("Leilani left the feature flag disabled after the rollback.", id="left-flag-safely-off"),
    # marker-free risky circumstances
    pytest.param("Matteo ran the purge script against the staging bucket.", id="risky-target-staging"),
    pytest.param("Yusuf pasted the runbook link into the incident channel.", id="risky-exposure-harmless"),
    pytest.param("Dariusz copied the customer records to the encrypted archive bucket.", id="risky-exposure-safe-target"),
    pytest.param("Rowan pushed the schema change at 10:00 on a Tuesday.", id="risky-time-ordinary"),
    pytest.param("Tariq turned on two-factor authentication for the admin console.", id="risky-turned-on"),
    pytest.param("Ximena disabled the noisy test alert after the drill ended.", id="risky-disabled-test-alert"),
    pytest.param("Bongani deployed after the code freeze ended.", id="risky-time-after-freeze"),
    # passive agent
    pytest.param("The staging bucket was emptied during the quarterly cleanup.", id="passive-no-agent"),
    pytest.param("The failover was started by Oksana once the primary stopped answering.", id="passive-neutral-act"),
    pytest.param("The alerting rules were overwritten by the config sync job.", id="passive-system-agent"),
    # possessive
    pytest.param("Mehmet's laptop was used for the postmortem call.", id="possessive-incidental"),
    pytest.param("Ngozi's migration plan was reviewed by two teams.", id="possessive-neutral"),
    pytest.param("The outage was caused by change 8812 to the rate limiter.", id="possessive-change-id"),
    pytest.param("Harbor's garbage collector deleted images that were still referenced.", id="possessive-product"),
    pytest.param("Oyelaran's first look at the proxy logs showed the timeouts.", id="possessive-first-look"),
    # blame noun, negated and meta blame
    pytest.param("The root cause was a missing guard in the deploy script.", id="noun-system-cause"),
    pytest.param("It was nobody's fault that the cache stampeded.", id="noun-nobody"),
    pytest.param("It was not Kofi's fault.", id="noun-negated"),
    pytest.param("The culprit was a stale DNS entry.", id="noun-culprit-thing"),
    pytest.param('We avoid the phrase "human error" in our reviews.', id="noun-quoted-meta"),
    pytest.param("This was not operator error; the console accepted an invalid value.", id="noun-negated-operator-error"),
    pytest.param("Blaming Kofi for forgetting the renewal would miss the point.", id="meta-blaming"),
    pytest.param('"Kofi forgot to renew the certificate" is the kind of sentence we avoid.', id="meta-quoted-sentence"),
    pytest.param('Anil wrote "I forgot to rotate the key" in the commit message.', id="meta-quoted-commit"),
    pytest.param("In the retro, someone asked whether Kofi forgot the renewal; he did not.", id="meta-question-denied"),
    # counterfactual about systems, and "we"
    pytest.param("The pipeline should have waited for the canary before promoting the build.", id="cf-system"),
    pytest.param("If the linter had checked the diff, the outage would not have happened.", id="cf-if-system"),
    pytest.param("We should have extended the wildcard certificate earlier.", id="cf-we"),
    # judgement
    pytest.param("Amaru was careful with the production credentials.", id="judgement-positive"),
    pytest.param("A more careful review process would have spotted the missing index.", id="judgement-ideal-process"),
    pytest.param("The platform team handled the cutover carefully.", id="judgement-positive-adverb"),
    # directives aimed at the system
    pytest.param("Make sure the billing cluster requires two approvals for writes.", id="directive-system"),
    pytest.param("Add a confirmation prompt to the purge command.", id="directive-plain"),
    # person-cause, thanks and credit
    pytest.param("Because of the expired certificate, the checkout flow was down for an hour.", id="cause-thing"),
    pytest.param("Thanks to Valentina, the rollback finished in four minutes.", id="thanks-recovery"),
    pytest.param("Thanks to Aigerim for restoring the backups so quickly.", id="thanks-for"),
    pytest.param("Kudos to Ji-ho for catching the bad migration before it shipped.", id="thanks-kudos"),
    pytest.param("Because of Xochitl, the restore drill had already been rehearsed twice.", id="cause-credit"),
    # attackers and customers (rule 10)
    pytest.param("A customer misconfigured their webhook endpoint.", id="customer-agent"),
    pytest.param("An intruder exfiltrated the session table through the debug endpoint.", id="attacker-agent"),
    # people doing neutral or recovery work; first person neutral
    pytest.param("Ibrahim restarted the stuck consumer and the backlog drained.", id="neutral-recovery"),
    pytest.param("The SRE team restored the volume from the 02:00 snapshot.", id="neutral-team"),
    pytest.param("He paged the database team at 03:12.", id="neutral-pronoun"),
    pytest.param("Bolat, the on-call engineer, escalated to the network team.", id="neutral-role-apposition"),
    pytest.param("I renewed the certificate at 09:14.", id="self-neutral"),
    pytest.param("I checked the replica lag at 10:05.", id="self-neutral-check"),
    # "we" is silent by default (rule 9)
    pytest.param("We forgot to extend the wildcard certificate.", id="we-forgot-default-off"),
    pytest.param("We broke the build with a bad merge.", id="we-broke-default-off"),
]


@pytest.mark.parametrize(("sentence", "rule", "words"), POSITIVES)
def test_blame_is_flagged(linter: Linter, sentence: str, rule: str, words: tuple[str, ...]) -> None:
    found = blame_findings(linter, sentence)
    assert [f.rule for f in found] == [rule], f"{sentence!r}: {[(f.rule, f.message) for f in found]}"
    f = found[0]
    assert f.category == "blame"
    assert f.text == sentence[f.start:f.end]
    assert_one_sentence(f.message)
    for w in words:
        assert w.lower() in f.message.lower(), f"message does not name {w!r}: {f.message!r}"


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_near_miss_is_silent(linter: Linter, sentence: str) -> None:
    found = blame_findings(linter, sentence)
    assert not found, f"{sentence!r}: {[(f.rule, f.message) for f in found]}"


def _doubled_word(message: str) -> str | None:
    quoted = re.findall(r'"([^"]+)"', message)
    for q in quoted:
        words = q.lower().split()
        for a, b in zip(words, words[1:]):
            if a == b:
                return q
    return None


@pytest.mark.parametrize("sentence", [
    pytest.param("Anahera did not run the smoke tests before promoting the release.", id="did-not"),
    pytest.param("Wei never checked the queue depth dashboard during the rollout.", id="never"),
    pytest.param("Nkechi forgot to rotate the signing key before the audit.", id="forgot"),
    pytest.param("Joaquín misconfigured the ingress timeout on the checkout cluster.", id="fault"),
])
def test_message_quotes_words_once(linter: Linter, sentence: str) -> None:
    (f,) = blame_findings(linter, sentence)
    assert _doubled_word(f.message) is None, f.message


def test_every_blame_rule_has_a_true_positive() -> None:
    """A blame rule added to rules/checks.yaml without a case here fails this test."""
    declared = {r["id"] for r in yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["rules"] if r["id"].startswith("blame.")}
    # Off by default, each with its own true positive: we-subject below, learned in tests/test_learned.py.
    covered = {param.values[1] for param in POSITIVES} | {"blame.we-subject", "blame.learned"}
    assert declared - covered == set()


# ---------------------------------------------------------------- blame.we-subject (off by default)

WE_POSITIVES = [
    pytest.param("We forgot to extend the wildcard certificate.", "forgot", id="we-forgot"),
    pytest.param("We broke the build with a bad merge.", "broke", id="we-broke"),
    pytest.param("We misconfigured the retry budget on the queue consumer.", "misconfigured", id="we-misconfigured"),
]


@pytest.mark.parametrize(("sentence", "word"), WE_POSITIVES)
def test_we_subject_when_enabled(we_linter: Linter, linter: Linter, sentence: str, word: str) -> None:
    assert blame_findings(linter, sentence) == [], "blame.we-subject must be off by default"
    found = blame_findings(we_linter, sentence)
    assert [f.rule for f in found] == ["blame.we-subject"]
    assert found[0].severity == "info"
    assert_one_sentence(found[0].message)
    assert word in found[0].message


@pytest.mark.parametrize("sentence", [
    pytest.param("We renewed the wildcard certificate.", id="we-neutral"),
    pytest.param("We rolled back the release at 11:02.", id="we-recovery"),
    pytest.param("We did not ignore the alert; it never reached the pager.", id="we-negated"),
])
def test_we_subject_near_misses_when_enabled(we_linter: Linter, sentence: str) -> None:
    assert blame_findings(we_linter, sentence) == []


def test_enabling_we_subject_keeps_person_findings(we_linter: Linter) -> None:
    found = blame_findings(we_linter, "Nkechi forgot to rotate the signing key before the audit.")
    assert [f.rule for f in found] == [PS]


def test_one_finding_per_sentence_in_a_paragraph(linter: Linter) -> None:
    text = (
        "The deploy started at 09:00. Svetlana deleted the production database. "
        "Because of Xochitl, the checkout flow was down for an hour. The on-call restored it from a snapshot."
    )
    found = blame_findings(linter, text)
    assert [f.rule for f in found] == [PS, "blame.person-cause"]
    assert [f.text for f in found] == [
        "Svetlana deleted the production database.",
        "Because of Xochitl, the checkout flow was down for an hour.",
    ]
