"""Every kind of bad input: one line naming the input and the reason, and the good ones stored."""

import http.server
import json
import threading
import time

import pytest

GOOD = (
    "Colombia signs peace deal with FARC rebels\n\n"
    "CARTAGENA, Sept 26 - Colombian President Juan Manuel Santos and the leader of the "
    "FARC rebels, Rodrigo Londono, signed a peace agreement in Cartagena on Monday, "
    "ending more than half a century of war that killed some 220,000 people. Heads of "
    "state from across Latin America and UN Secretary-General Ban Ki-moon watched the "
    "ceremony. Voters will be asked to approve the deal in a referendum on October 2.\n"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/slow":
            time.sleep(3)
        self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"not found" if self.path == "/missing" else GOOD.encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _batch(tmp_path, name, content):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    if name:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def _stored(dateline):
    result = dateline("articles", "--format", "jsonl", "--db", dateline.db)
    return [json.loads(line) for line in result.stdout.splitlines()]


def _assert_good_stored(dateline):
    assert any("Cartagena on Monday" in a["body"] for a in _stored(dateline))


CASES = {
    "binary": (
        "photo.jpg",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8,
        [],
        "photo.jpg: binary file, not text",
    ),
    "empty": ("empty.txt", "  \n\n ", [], "empty.txt: empty file"),
    "malformed-jsonl": (
        "export.jsonl",
        json.dumps({"id": "a1", "text": GOOD.replace("Colombia", "Kolumbia")})
        + '\n{"id": "a2", "text": \n',
        [],
        "export.jsonl:2: malformed JSON",
    ),
    "csv-without-column": (
        "export.csv",
        "id,title,content\n1,Hello,World\n",
        ["--text-field", "body"],
        "export.csv: no column 'body'",
    ),
    "no-article-text": (
        "page.html",
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
        "</nav><footer>© 2024 Example News</footer></body></html>",
        [],
        "page.html: no article text",
    ),
    "too-large": (
        "huge.txt",
        GOOD * 60,
        ["--setting", "max_file_mb", "0.01"],
        "is over the 0.01 MB limit",
    ),
}


# The good article of each batch is parsed: these load the spaCy model.
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_ingest_errors_name_the_input_and_keep_the_batch_going(dateline, tmp_path, case):
    name, content, options, message = CASES[case]
    folder = _batch(tmp_path, name, content)
    result = dateline("ingest", str(folder), "--db", dateline.db, *options)
    assert message in result.stderr, result.stderr
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failures) == 1 and "Traceback" not in result.stderr
    assert "failed 1" in result.stdout
    _assert_good_stored(dateline)


@pytest.mark.slow
@pytest.mark.parametrize(
    "encoding,text,expected",
    [
        (
            "cp1251",
            "Переговоры в Москве\n\n"
            + "Министр иностранных дел России провёл переговоры в Москве с коллегой из Армении. "
            * 4,
            "Министр иностранных дел",
        ),
        (
            "latin-1",
            "Accord à Genève\n\n"
            + "Les ministres se sont réunis à Genève pour signer l'accord sur le nucléaire iranien. "
            * 4,
            "réunis à Genève",
        ),
    ],
)
def test_ingest_errors_other_encodings_are_read_with_a_note(
    dateline, tmp_path, encoding, text, expected
):
    folder = _batch(tmp_path, "foreign.txt", text.encode(encoding))
    result = dateline("ingest", str(folder), "--db", dateline.db)
    assert "foreign.txt: not UTF-8; read as" in result.stderr
    assert "added 2" in result.stdout
    assert any(expected in a["body"] for a in _stored(dateline))


@pytest.mark.slow
@pytest.mark.parametrize(
    "path,options,message",
    [
        ("/slow", ["--setting", "http_timeout", "0.5"], "/slow: timed out after 0.5 s"),
        ("/missing", [], "/missing: HTTP 404"),
    ],
)
def test_ingest_errors_bad_urls(dateline, tmp_path, server, path, options, message):
    folder = _batch(tmp_path, None, None)
    result = dateline("ingest", str(folder), server + path, "--db", dateline.db, *options)
    assert message in result.stderr, result.stderr
    assert "failed 1" in result.stdout
    _assert_good_stored(dateline)


def test_ingest_errors_every_input_failing_exits_1(dateline, tmp_path):
    result = dateline("ingest", str(tmp_path / "missing.txt"), "--db", dateline.db, check=False)
    assert result.returncode == 1
    assert "missing.txt: no such file or directory" in result.stderr
