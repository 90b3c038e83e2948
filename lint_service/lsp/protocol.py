"""pygls' protocol, but a request whose parameters cannot be read gets an error response.

pygls reports such a request to the user and drops it, so the client waits for an
answer forever; JSON-RPC says every request with an id is answered.
"""
from __future__ import annotations

import logging
from typing import Any

from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger("blamelint.lsp")


class AnsweringProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as err:
            # only whole messages carry "jsonrpc" (this hook also sees every nested object)
            if "jsonrpc" in data and "method" in data and data.get("id") is not None:
                log.warning("answering malformed %s request %r: %s", data["method"], data["id"], err.message)
                self._send_response(data["id"], error=err.to_response_error())
            raise
