#!/usr/bin/env bash
# telex, newsboat and sfeed poll the same generated corpus from the same
# loopback server in one run: a first (cold) poll into an empty archive,
# a second poll with nothing new, and the bytes each keeps on disk.
# Prints wall time, CPU time and peak RSS (medians over --runs) and the
# ratios, which are what to quote: absolute times on a shared machine
# move by half from one day to the next.
#
# usage: bench-peers.sh TELEX [--feeds N] [--items M] [--runs K]
#                             [--mix full|light] [--strict]
#
# The corpus is tests/bench/genfeeds.py's (the same as make bench),
# served by nginx when it is installed (else by tests/httpd.py, said in
# the output).  newsboat and sfeed are Debian packages: run as root, the
# script installs the missing ones; otherwise it prints the apt-get line
# and measures telex alone.  Every program runs 8 transfers at once
# (telex's default, sfeed's maxjobs, newsboat's reload-threads).
# --strict makes a missed target an exit status of 1.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
py=${PYTHON3:-python3}

feeds=100
items=500
runs=3
mix=full
strict=0
timeout=900

# Targets (issue: the first poll at the speed of the machine).
target_newsboat_cold=4		# newsboat's cold wall / telex's, at least
target_sfeed_cold=1.5		# sfeed's cold wall / telex's, at least
target_newsboat_warm=150	# newsboat's warm wall / telex's, at least
target_rss_mb=48		# telex's cold peak RSS, at most

usage()
{
	echo "usage: bench-peers.sh TELEX [--feeds N] [--items M] [--runs K]" \
	    "[--mix full|light] [--strict]" >&2
	exit 1
}

die()
{
	echo "bench-peers.sh: $*" >&2
	exit 2
}

number()
{
	case $2 in
	''|*[!0-9]*|0) die "$1 needs a positive whole number, not '$2'" ;;
	esac
}

[ $# -ge 1 ] || usage
telex=$1
shift
while [ $# -gt 0 ]; do
	case $1 in
	--strict) strict=1; shift; continue ;;
	*) [ $# -ge 2 ] || usage ;;
	esac
	case $1 in
	--feeds) number "$1" "$2"; feeds=$2 ;;
	--items) number "$1" "$2"; items=$2 ;;
	--runs) number "$1" "$2"; runs=$2 ;;
	--mix) case $2 in full|light) mix=$2 ;; *) usage ;; esac ;;
	*) usage ;;
	esac
	shift 2
done
[ "$feeds" -le 999 ] || die "--feeds can be at most 999"
[ -x "$telex" ] || die "$telex is not an executable file"
command -v "$py" >/dev/null || die "python3 is needed to generate the corpus"

# The peers: installed when we may, else skipped with the line to run.
want=
command -v newsboat >/dev/null || want="$want newsboat"
command -v sfeed_update >/dev/null || want="$want sfeed"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || want="$want nginx"
if [ -n "$want" ]; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		echo "installing$want..."
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		    --no-install-recommends $want >/dev/null 2>&1 ||
		    echo "could not install$want; measuring without them"
	else
		echo "not installed:$want (to compare, run:" \
		    "sudo apt-get install$want)"
	fi
fi
have_newsboat=0 have_sfeed=0 nginx=
command -v newsboat >/dev/null && have_newsboat=1
command -v sfeed_update >/dev/null && have_sfeed=1
nginx=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; })

tmp=
server=
cleanup()
{
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	[ -n "$tmp" ] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

tmp=$(mktemp -d "${TMPDIR:-/tmp}/telex-peers.XXXXXX") ||
    die "cannot create a temporary directory"
chmod 755 "$tmp"

echo "generating $feeds feeds x $items items ($mix articles)..."
"$py" "$here/genfeeds.py" --feeds "$feeds" --items "$items" --mix "$mix" \
    --out "$tmp/corpus" >/dev/null || die "genfeeds.py failed"
corpus_mb=$(du -sm "$tmp/corpus" | cut -f 1)

# measure OUT CMD...: run CMD; write "wall_s cpu_s peak_rss_kb status".
cat >"$tmp/measure.py" <<'EOF'
import resource, subprocess, sys, time
out, limit, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
try:
    status = subprocess.run(cmd, timeout=limit).returncode
except subprocess.TimeoutExpired:
    status = 124
wall = time.monotonic() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    f.write("%.3f %.3f %d %d\n" % (wall, ru.ru_utime + ru.ru_stime,
                                    ru.ru_maxrss, status))
EOF

port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ -n "$nginx" ]; then
	server_name="nginx $("$nginx" -v 2>&1 | sed 's/.*\///')"
	mkdir -p "$tmp/nginx"
	user=
	[ "$(id -u)" -eq 0 ] && user="user root;"
	cat >"$tmp/nginx/nginx.conf" <<EOF
$user
worker_processes 2;
daemon off;
pid $tmp/nginx/pid;
error_log $tmp/nginx/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	default_type application/xml;
	sendfile on;
	server {
		listen 127.0.0.1:$port;
		location /feed/ { alias $tmp/corpus/; }
	}
}
EOF
	"$nginx" -e "$tmp/nginx/error.log" -p "$tmp/nginx" \
	    -c "$tmp/nginx/nginx.conf" 2>"$tmp/nginx/start.err" &
	server=$!
else
	server_name="tests/httpd.py (nginx is not installed)"
	"$py" "$top/tests/httpd.py" --root "$tmp/corpus" \
	    >"$tmp/httpd.out" 2>"$tmp/httpd.err" &
	server=$!
	for _ in $(seq 100); do
		read -r port <"$tmp/httpd.out" 2>/dev/null
		case $port in ''|*[!0-9]*) sleep 0.1 ;; *) break ;; esac
	done
fi
up=0
for _ in $(seq 100); do
	if "$py" -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
		up=1
		break
	fi
	kill -0 "$server" 2>/dev/null || break
	sleep 0.1
done
[ "$up" -eq 1 ] || die "the loopback server did not start"
url() { printf 'http://127.0.0.1:%s/feed/feed-%03d.xml' "$port" "$1"; }
"$py" -c "import urllib.request; urllib.request.urlopen('$(url 1)').read()" ||
    die "the server does not serve $(url 1)"

# time NAME CMD...: measure CMD; appends to NAME's lists.
declare -A wall cpu rss
time_it()
{
	local name=$1 w c r s
	shift
	"$py" "$tmp/measure.py" "$tmp/m" "$timeout" "$@" \
	    >"$tmp/$name.out" 2>"$tmp/$name.err" ||
	    die "could not time $name"
	read -r w c r s <"$tmp/m"
	[ "$s" -eq 0 ] || [ "$name" = sfeed-cold ] || [ "$name" = sfeed-warm ] ||
	    die "$name exited with status $s: $(tail -c 600 "$tmp/$name.err")"
	wall[$name]="${wall[$name]:-} $w"
	cpu[$name]="${cpu[$name]:-} $c"
	rss[$name]="${rss[$name]:-} $r"
}
declare -A disk
add_disk() { disk[$1]="${disk[$1]:-} $2"; }

run_telex()
{
	local d=$tmp/telex n
	rm -rf "$d"
	mkdir -p "$d"
	{
		echo '<?xml version="1.0"?><opml version="2.0"><body>'
		for n in $(seq "$feeds"); do
			printf '<outline type="rss" text="f%d" xmlUrl="%s"/>\n' \
			    "$n" "$(url "$n")"
		done
		echo '</body></opml>'
	} >"$d/subs.opml"
	"$telex" -d "$d/archive.db" -c /dev/null import "$d/subs.opml" \
	    >/dev/null 2>"$d/import.err" ||
	    die "telex import failed: $(head -c 500 "$d/import.err")"
	time_it telex-cold "$telex" -d "$d/archive.db" -c /dev/null poll
	grep -q " $((feeds * items)) new" "$tmp/telex-cold.out" "$tmp/telex-cold.err" ||
	    die "telex's cold poll did not store every item:" \
	    "$(tail -c 400 "$tmp/telex-cold.err")"
	time_it telex-warm "$telex" -d "$d/archive.db" -c /dev/null poll
	add_disk telex "$(du -sk "$d"/archive.db* | awk '{ s += $1 } END { print s }')"
	rm -rf "$d"
}

run_newsboat()
{
	local d=$tmp/newsboat n
	rm -rf "$d"
	mkdir -p "$d"
	for n in $(seq "$feeds"); do url "$n"; echo; done >"$d/urls"
	printf 'reload-threads 8\nshow-read-feeds yes\n' >"$d/config"
	time_it newsboat-cold env HOME="$d" newsboat -u "$d/urls" \
	    -c "$d/cache.db" -C "$d/config" -x reload
	time_it newsboat-warm env HOME="$d" newsboat -u "$d/urls" \
	    -c "$d/cache.db" -C "$d/config" -x reload
	add_disk newsboat "$(du -sk "$d"/cache.db* | awk '{ s += $1 } END { print s }')"
	rm -rf "$d"
}

run_sfeed()
{
	local d=$tmp/sfeed n
	rm -rf "$d"
	mkdir -p "$d/feeds"
	{
		printf 'sfeedpath="%s/feeds"\nmaxjobs=8\nfeeds() {\n' "$d"
		for n in $(seq "$feeds"); do
			printf '\tfeed "f%03d" "%s"\n' "$n" "$(url "$n")"
		done
		printf '}\n'
	} >"$d/sfeedrc"
	time_it sfeed-cold sfeed_update "$d/sfeedrc"
	time_it sfeed-warm sfeed_update "$d/sfeedrc"
	add_disk sfeed "$(du -sk "$d/feeds" | cut -f 1)"
	rm -rf "$d"
}

for r in $(seq "$runs"); do
	echo "run $r of $runs..."
	run_telex
	[ "$have_newsboat" -eq 1 ] && run_newsboat
	[ "$have_sfeed" -eq 1 ] && run_sfeed
done

median()
{
	printf '%s\n' $1 | sort -g | awk '{ v[NR] = $1 } END {
	    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
m() { median "${2:-}" | awk -v s="$1" '{ printf "%.3f", $1 / s }'; }

echo
echo "corpus: $feeds feeds x $items items, $corpus_mb MB of XML ($mix" \
    "articles), served by $server_name on loopback; medians of $runs"
printf '\n%-10s %9s %9s %9s %9s %9s %9s\n' "" "cold s" "cold CPU" \
    "cold MB" "warm s" "warm CPU" "disk MB"
declare -A cw ww dk
for p in telex newsboat sfeed; do
	[ -n "${wall[$p-cold]:-}" ] || continue
	cw[$p]=$(m 1 "${wall[$p-cold]}")
	ww[$p]=$(m 1 "${wall[$p-warm]}")
	dk[$p]=$(m 1024 "${disk[$p]}")
	printf '%-10s %9.2f %9.2f %9.1f %9.3f %9.2f %9.1f\n' "$p" \
	    "${cw[$p]}" "$(m 1 "${cpu[$p-cold]}")" \
	    "$(m 1024 "${rss[$p-cold]}")" "${ww[$p]}" \
	    "$(m 1 "${cpu[$p-warm]}")" "${dk[$p]}"
done

missed=0
# check LABEL VALUE OP TARGET
check()
{
	local mark=ok
	awk -v v="$2" -v t="$4" "BEGIN { exit !(v $3 t) }" || { mark=MISSED; missed=1; }
	printf '%-40s %9.2f  (target %s %s)  %s\n' "$1" "$2" "$3" "$4" "$mark"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
echo
check "telex cold peak RSS (MB)" "$(m 1024 "${rss[telex-cold]}")" "<=" \
    "$target_rss_mb"
if [ -n "${cw[newsboat]:-}" ]; then
	check "cold poll: newsboat / telex" \
	    "$(ratio "${cw[newsboat]}" "${cw[telex]}")" ">=" "$target_newsboat_cold"
	check "warm poll: newsboat / telex" \
	    "$(ratio "${ww[newsboat]}" "${ww[telex]}")" ">=" "$target_newsboat_warm"
	printf '%-40s %9.2f\n' "disk: telex / newsboat" \
	    "$(ratio "${dk[telex]}" "${dk[newsboat]}")"
fi
if [ -n "${cw[sfeed]:-}" ]; then
	check "cold poll: sfeed / telex" \
	    "$(ratio "${cw[sfeed]}" "${cw[telex]}")" ">=" "$target_sfeed_cold"
	printf '%-40s %9.2f\n' "warm poll: sfeed / telex" \
	    "$(ratio "${ww[sfeed]}" "${ww[telex]}")"
	check "disk: telex / sfeed's TSV files" \
	    "$(ratio "${dk[telex]}" "${dk[sfeed]}")" "<=" 1
fi
[ "$strict" -eq 1 ] && [ "$missed" -eq 1 ] && exit 1
exit 0
