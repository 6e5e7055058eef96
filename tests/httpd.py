#!/usr/bin/env python3
"""A loopback HTTP server for telex's tests and benchmarks.

usage: httpd.py --root DIR [--log FILE] [--port-file PATH]
                 [--tls-cert CERT --tls-key KEY]

With --tls-cert and --tls-key it speaks HTTPS with that certificate (the
tests use a self-signed one that a client must refuse).

It binds 127.0.0.1 on a free port (never another address), prints the
port on the first line of standard output and, with --port-file, writes it
to PATH as well.  It stops on SIGTERM or SIGINT, and when its standard
input is a pipe or socket that reaches end of file (so a parent that dies
takes the server with it; /dev/null or a terminal on stdin is ignored).

Routes (NAME is a file under --root; names cannot leave the root):
  /feed/NAME           the file, with ETag and Last-Modified; answers 304
                       to a matching If-None-Match (or, without one, to an
                       If-Modified-Since not older than the file).  A
                       "Range: bytes=N-" gets 206 and the rest, or 416.
                       ?type=T sets the Content-Type (default: sniffed;
                       .json is application/feed+json when it names a
                       jsonfeed.org version, else application/json).
  /gzip/NAME           as /feed, gzip-encoded when Accept-Encoding allows.
  /attach/NAME?as=F    as /feed, with Content-Disposition naming file F.
  /redirectCODE/NAME   CODE in 301 302 303 307 308: redirect to /feed/NAME
                       (?via=ROUTE: to /ROUTE/NAME); the redirect itself
                       carries ETag "redirect-hop" and Retry-After: 77.
  /loop                302 to itself, forever.
  /to-file             302 to file:///etc/passwd.
  /status/CODE         that status with a short text body; 429 and 503 add
                       "Retry-After: 120" (?retry=VALUE sends VALUE instead).
  /slow/NAME?s=N       waits N seconds (default 3, fractions allowed), then
                       as /feed/NAME; with ?until=FILE it waits until FILE
                       exists under the root (at most s, default 50).
  /drip?n=N            200, then one byte a second for N seconds (3600).
  /big?mb=N            N MiB (default 40) streamed with no Content-Length.
  /html?feed=NAME      an HTML page, not a feed; with ?feed it carries a
                       <link rel="alternate"> to /feed/NAME (typed
                       application/feed+json for a .json NAME).
  /truncated/NAME      the first half of the file, with a matching length.
  /lying-length        Content-Length: 1000, 100 bytes of body, then close.
  /headers             the request's headers as text/plain.
  /gzip-bomb?mb=N      a few KB of gzip that expand to N MiB (default 64).
  /bad-chunked         chunked encoding with a chunk size that is not hex.
  /fat-headers?kb=N    N KB (default 100) of response headers, then a feed.
  /auth/USER:PASS/NAME as /feed/NAME when the request carries basic auth
                       for USER and PASS; else 401 with WWW-Authenticate.
  /auth/USER/NAME      the same, the password being the first line of the
                       file USER.password under the root (so that it is
                       in no URL).
  /need-header/NAME?h=Name:value
                       as /feed/NAME when the request has that header
                       with that value; else 403 saying which is missing.
  /need-ua/NAME?ua=TEXT
                       as /feed/NAME when the User-Agent is TEXT; else 403.
  /need-cookie/NAME?c=name=value
                       as /feed/NAME when a Cookie header holds name=value;
                       else 403.
  /away/NAME?port=P    302 to http://localhost:P/no-secrets/NAME: the same
                       server under another host name (another origin).
  /no-secrets/NAME     as /feed/NAME, but 400 "credentials leaked" when the
                       request carries Authorization or Cookie.
  anything else        the file at that path under --root, as /feed does.

A request in absolute form ("GET http://any.host/feed/a.xml", as a client
sends to a forward proxy) is answered here as if its path had come alone,
whatever host it names: nothing is ever forwarded, so a client pointed at
this server as its proxy can fetch made-up hosts, and the log shows the
absolute-form request line.

With --log, one line per request, tab-separated, written when it ends:
  REQUEST-LINE STATUS IF-NONE-MATCH IF-MODIFIED-SINCE START END
("-" for an absent header; START and END are Unix times with fractions),
e.g. "GET /feed/a.xml HTTP/1.1<TAB>304<TAB>"3f-1a2"<TAB>-<TAB>...".
"""

import argparse
import base64
import email.utils
import gzip
import http.server
import os
import signal
import socketserver
import stat
import sys
import threading
import time
import urllib.parse

LOG_LOCK = threading.Lock()
LOG_FILE = None
ROOT = "."

REDIRECTS = {"301", "302", "303", "307", "308"}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "telex-test"

    def log_message(self, format, *args):
        pass

    def log_request(self, code="-", size="-"):
        self.status = int(code) if str(code).isdigit() else 0

    def do_GET(self):
        self.status = 0
        start = time.time()
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        finally:
            self.log_line(start, time.time())

    def do_POST(self):
        """A POST (sync's API calls): the body is read and dropped, and
        the path answered as a GET's would be."""
        length = int(self.headers.get("Content-Length", "0") or 0)
        if length > 0:
            self.rfile.read(length)
        self.do_GET()

    def log_line(self, start, end):
        if LOG_FILE is None:
            return
        inm = self.headers.get("If-None-Match", "-")
        ims = self.headers.get("If-Modified-Since", "-")
        line = "%s\t%d\t%s\t%s\t%.3f\t%.3f\n" % (
            self.requestline, self.status, inm, ims, start, end)
        with LOG_LOCK:
            LOG_FILE.write(line)
            LOG_FILE.flush()

    def route(self):
        self.extra_headers = ()
        url = urllib.parse.urlsplit(self.path)
        if url.scheme in ("http", "https"):
            # Absolute form, as to a proxy: served here, never forwarded.
            url = urllib.parse.urlsplit(
                urllib.parse.urlunsplit(("", "", url.path, url.query, "")))
        path = urllib.parse.unquote(url.path)
        self.query = urllib.parse.parse_qs(url.query)
        parts = path.lstrip("/").split("/", 1)
        head = parts[0]
        rest = parts[1] if len(parts) > 1 else ""
        simple = {
            "loop": lambda: self.redirect(302, "/loop"),
            "to-file": lambda: self.redirect(302, "file:///etc/passwd"),
            "drip": self.drip,
            "big": self.big,
            "html": self.html,
            "lying-length": self.lying_length,
            "headers": self.echo_headers,
            "gzip-bomb": self.gzip_bomb,
            "bad-chunked": self.bad_chunked,
            "fat-headers": self.fat_headers,
        }
        if head in simple and rest == "":
            simple[head]()
        elif head == "feed":
            self.serve_file(rest)
        elif head == "gzip":
            self.serve_file(rest, compress=True)
        elif head == "attach":
            self.extra_headers = [("Content-Disposition",
                                   'attachment; filename="%s"' %
                                   self.query.get("as", [rest])[0])]
            self.serve_file(rest)
        elif head.startswith("redirect") and head[8:] in REDIRECTS:
            via = self.query.get("via", ["feed"])[0]
            self.redirect(int(head[8:]), "/%s/%s" % (
                urllib.parse.quote(via), urllib.parse.quote(rest)),
                [("ETag", '"redirect-hop"'), ("Retry-After", "77")])
        elif head == "status":
            self.status_route(rest)
        elif head == "slow":
            self.slow()
            self.serve_file(rest)
        elif head == "truncated":
            self.truncated(rest)
        elif head in ("auth", "need-header", "need-ua", "need-cookie",
                      "away", "no-secrets"):
            self.guarded(head, rest)
        else:
            self.serve_file(path.lstrip("/"))

    def slow(self):
        """Wait s seconds, or until the file ?until names is there."""
        until = self.query.get("until", [None])[0]
        if until is None:
            time.sleep(self.number("s", 3))
            return
        end = time.time() + self.number("s", 50)
        while self.find(until) is None and time.time() < end:
            time.sleep(0.05)

    def number(self, key, default):
        try:
            return float(self.query.get(key, [default])[0])
        except ValueError:
            return default

    extra_headers = ()

    def send(self, code, body, headers=()):
        self.send_response(code)
        for name, value in list(headers) + list(self.extra_headers):
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def text(self, code, message, headers=()):
        body = (message + "\n").encode()
        self.send(code, body,
                  [("Content-Type", "text/plain; charset=utf-8")] +
                  list(headers))

    def redirect(self, code, location, headers=()):
        self.text(code, "moved to " + location,
                  [("Location", location)] + list(headers))

    def find(self, name):
        """The real path of NAME under the root, or None."""
        root = os.path.realpath(ROOT)
        full = os.path.realpath(os.path.join(root, name))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            return None
        return full

    def content_type(self, name, data):
        if "type" in self.query:
            return self.query["type"][0]
        head = data[:2048]
        if b"<feed" in head:
            return "application/atom+xml"
        if b"<rss" in head or b"<rdf:RDF" in head:
            return "application/rss+xml"
        if name.endswith(".json"):
            if b"jsonfeed.org/version/" in head:
                return "application/feed+json"
            return "application/json"
        if name.endswith((".html", ".htm")):
            return "text/html"
        if name.endswith((".xml", ".opml")):
            return "application/xml"
        return "application/octet-stream"

    def not_modified(self, etag, mtime):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return etag in tags or "*" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims is None:
            return False
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError, IndexError):
            return False
        return int(mtime) <= since

    def serve_file(self, name, compress=False):
        full = self.find(name)
        if full is None:
            self.text(404, "no such file: " + name)
            return
        st = os.stat(full)
        etag = '"%x-%x"' % (st.st_mtime_ns, st.st_size)
        validators = [
            ("ETag", etag),
            ("Last-Modified",
             email.utils.formatdate(st.st_mtime, usegmt=True)),
        ]
        if self.not_modified(etag, st.st_mtime):
            self.send_response(304)
            for header, value in validators:
                self.send_header(header, value)
            self.end_headers()
            return
        with open(full, "rb") as f:
            data = f.read()
        if self.serve_range(data, validators):
            return
        headers = validators + [("Content-Type",
                                 self.content_type(name, data))]
        if compress:
            headers.append(("Vary", "Accept-Encoding"))
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                data = gzip.compress(data)
                headers.append(("Content-Encoding", "gzip"))
        self.send(200, data, headers)

    def serve_range(self, data, validators):
        """Answer "Range: bytes=N-": 206 with the rest, 416 past the end."""
        asked = self.headers.get("Range", "")
        if not asked.startswith("bytes=") or not asked.endswith("-"):
            return False
        try:
            start = int(asked[6:-1])
        except ValueError:
            return False
        if start >= len(data):
            self.send(416, b"", validators + [
                ("Content-Range", "bytes */%d" % len(data))])
            return True
        self.send(206, data[start:], validators + [
            ("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1,
                                                  len(data)))])
        return True

    def status_route(self, rest):
        try:
            code = int(rest)
        except ValueError:
            code = 0
        if code < 200 or code > 599:
            self.text(400, "status must be a number from 200 to 599")
            return
        headers = []
        if code in (429, 503):
            headers.append(("Retry-After", self.query.get("retry",
                                                          ["120"])[0]))
        if code in (204, 304):
            self.send_response(code)
            for header, value in headers:
                self.send_header(header, value)
            self.end_headers()
            return
        self.text(code, "status %d" % code, headers)

    def stream_headers(self, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def drip(self):
        self.stream_headers("application/rss+xml")
        for _ in range(int(self.number("n", 3600))):
            self.wfile.write(b"<")
            self.wfile.flush()
            time.sleep(1)

    def big(self):
        left = int(self.number("mb", 40) * 1024 * 1024)
        chunk = (b"<item><title>filler</title></item>\n" * 2048)[:65536]
        self.stream_headers("application/rss+xml")
        while left > 0:
            self.wfile.write(chunk[:left])
            left -= len(chunk)

    def html(self):
        link = ""
        if "feed" in self.query:
            name = self.query["feed"][0]
            href = "/feed/" + urllib.parse.quote(name)
            kind = ("application/feed+json" if name.endswith(".json")
                    else "application/rss+xml")
            link = ('<link rel="alternate" type="%s" '
                    'title="Test feed" href="%s">\n' % (kind, href))
        body = ("<!DOCTYPE html>\n<html><head><title>A web page</title>\n"
                "%s</head><body><p>This page is not a feed.</p></body>"
                "</html>\n" % link).encode()
        self.send(200, body, [("Content-Type", "text/html; charset=utf-8")])

    def truncated(self, name):
        full = self.find(name)
        if full is None:
            self.text(404, "no such file: " + name)
            return
        with open(full, "rb") as f:
            data = f.read()
        self.send(200, data[:len(data) // 2],
                  [("Content-Type", self.content_type(name, data))])

    def lying_length(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "1000")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"<rss>" + b"x" * 95)
        self.wfile.flush()
        self.close_connection = True

    def gzip_bomb(self):
        mb = int(self.number("mb", 64))
        body = gzip.compress(b"\0" * (mb << 20), compresslevel=9)
        self.send(200, body, [("Content-Type", "application/rss+xml"),
                              ("Content-Encoding", "gzip")])

    def bad_chunked(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"10\r\n<rss version=\"2.0\">\r\nzz-not-hex\r\n")
        self.wfile.flush()
        self.close_connection = True

    def fat_headers(self):
        kb = int(self.number("kb", 100))
        headers = [("X-Padding-%d" % i, "p" * 1000) for i in range(kb)]
        self.send(200, b'<rss version="2.0"><channel><title>Fat</title>'
                  b"</channel></rss>", headers)

    def guarded(self, head, rest):
        """The routes that want credentials, a header, agent or cookie."""
        why = None
        if head == "auth":
            cred, _, rest = rest.partition("/")
            if ":" not in cred:
                full = self.find(cred + ".password")
                with open(full or os.devnull) as f:
                    cred += ":" + f.readline().rstrip("\r\n")
            want = "Basic " + base64.b64encode(cred.encode()).decode()
            if self.headers.get("Authorization") != want:
                self.text(401, "a user name and password are wanted",
                          [("WWW-Authenticate",
                            'Basic realm="telex-test"')])
                return
        elif head == "need-header":
            name, _, value = self.query.get("h", [":"])[0].partition(":")
            if self.headers.get(name.strip()) != value.strip():
                why = "missing header " + name.strip()
        elif head == "need-ua":
            if self.headers.get("User-Agent") != self.query.get(
                    "ua", [""])[0]:
                why = "wrong user agent"
        elif head == "need-cookie":
            want = self.query.get("c", [""])[0]
            have = [c.strip() for c in
                    self.headers.get("Cookie", "").split(";")]
            if want not in have:
                why = "missing cookie " + want
        elif head == "away":
            self.redirect(302, "http://localhost:%s/no-secrets/%s" % (
                self.query.get("port", ["0"])[0], urllib.parse.quote(rest)))
            return
        elif head == "no-secrets":
            if "Authorization" in self.headers or "Cookie" in self.headers:
                self.text(400, "credentials leaked")
                return
        if why is not None:
            self.text(403, why)
            return
        self.serve_file(rest)

    def echo_headers(self):
        lines = ["%s: %s" % (k, v) for k, v in self.headers.items()]
        self.text(200, "\n".join(lines))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def server_bind(self):
        # Skip HTTPServer's reverse lookup of the address.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address):
        pass


def watch_stdin():
    """Exit when a pipe or socket on stdin closes."""
    try:
        mode = os.fstat(0).st_mode
    except OSError:
        return
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        return

    def wait():
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        os._exit(0)

    threading.Thread(target=wait, daemon=True).start()


def main():
    global LOG_FILE, ROOT
    ap = argparse.ArgumentParser(description="telex's loopback test server")
    ap.add_argument("--root", default=".")
    ap.add_argument("--log")
    ap.add_argument("--port-file")
    ap.add_argument("--tls-cert")
    ap.add_argument("--tls-key")
    args = ap.parse_args()
    ROOT = args.root
    if args.log:
        LOG_FILE = open(args.log, "a", encoding="utf-8")

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: os._exit(0))
    server = Server(("127.0.0.1", 0), Handler)
    if args.tls_cert:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    print(port, flush=True)
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.rename(tmp, args.port_file)
    watch_stdin()
    server.serve_forever()


if __name__ == "__main__":
    main()
