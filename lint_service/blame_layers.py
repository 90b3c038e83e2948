"""Model layers of the learned blame scorer, registered for ``spacy train``.

Standalone on purpose (imports spaCy and Thinc only): ``spacy train --code``
imports this file by path, and the scorer imports it as a module.

``blamelint.DocTensor.v1`` hands a classifier the token vectors the base
pipeline's ``tok2vec`` already stored in ``doc.tensor`` during the parse, so
the classifier reads the parse's own context features for free instead of
running a second encoder. In training the base ``tok2vec`` is a frozen,
annotating component that fills ``doc.tensor`` the same way.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model
from thinc.types import Floats2d


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Floats2d], Callable]:
    width = model.get_dim("nO")
    out = []
    for doc in docs:
        tensor = doc.tensor
        if tensor is not None and tensor.ndim == 2 and tensor.shape == (len(doc), width):
            out.append(model.ops.asarray2f(tensor))
        else:
            # spaCy initializes a classifier on sample docs no component has
            # annotated yet; at run time the scorer checks the tensor first.
            out.append(model.ops.alloc2f(len(doc), width))

    def backprop(d_out: list[Floats2d]) -> list[Doc]:
        return []  # the base tok2vec is frozen

    return out, backprop


@registry.architectures("blamelint.DocTensor.v1")
def doc_tensor(width: int) -> Model[list[Doc], list[Floats2d]]:
    """The tokens' rows of ``doc.tensor`` (zeros for a doc without one)."""
    return Model("blamelint_doc_tensor", _forward, dims={"nO": width})
