"""pytest-lsp checks every message against the LSP 3.17 types (lsprotocol)."""
import os
import pathlib
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
BYLINE = os.environ.get("BYLINE", str(ROOT / "target" / "release" / "byline"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "examples" / "corpus", d, dirs_exist_ok=True)
    return d.resolve()


@pytest_lsp.fixture(
    params=["visual-studio-code", "neovim"],
    config=ClientServerConfig(server_command=[BYLINE, "lsp"]),
)
async def client(request, lsp_client: LanguageClient, corpus):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params):
        return None

    @lsp_client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply(params):
        lsp_client.applied.append(params.edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    @lsp_client.feature(types.WORKSPACE_SEMANTIC_TOKENS_REFRESH)
    def tokens_refresh(params):
        return None

    @lsp_client.feature("byline/status")
    def status(params):
        lsp_client.status.append(params)

    lsp_client.applied = []
    lsp_client.status = []
    caps = client_capabilities("visual-studio-code" if request.param == "visual-studio-code" else "neovim@v0.11.0")
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=corpus.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=corpus.as_uri(), name="corpus")],
        )
    )
    yield
    await lsp_client.shutdown_session()
