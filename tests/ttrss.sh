#!/bin/sh
# A private Tiny Tiny RSS for the sync tests: its own PostgreSQL cluster
# and PHP's built-in web server, both on 127.0.0.1, in a short folder of
# their own.  Sourced by tests (after lib.sh) or run by hand:
#
#   sh tests/ttrss.sh start DIR    print "url user password" and leave it up
#   sh tests/ttrss.sh stop DIR
#   sh tests/ttrss.sh update DIR   the server fetches every feed now
#
# Needs Debian's tt-rss, php-cli, php-pgsql and postgresql 15 (bootstrap
# installs them as root).  Run as root, the database and PHP run as
# nobody, since both refuse root.

TTRSS_SHARE=/usr/share/tt-rss
TTRSS_PGBIN=/usr/lib/postgresql/15/bin

# Why the server cannot be started here, or nothing when it can.
ttrss_missing() {
	[ -d "$TTRSS_SHARE/www" ] || { echo "tt-rss is not installed"; return; }
	[ -x "$TTRSS_PGBIN/postgres" ] || {
		echo "PostgreSQL 15 is not installed"; return; }
	command -v php >/dev/null 2>&1 || { echo "php-cli is not installed"; return; }
	php -m 2>/dev/null | grep -qi '^pdo_pgsql$' ||
	    echo "php-pgsql is not installed"
}

# Run a command as the server's user (nobody when we are root).
ttrss_as() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

ttrss_free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The test server's sandbox: stock tt-rss refuses feed URLs on loopback
# or on ports other than 80 and 443, and drops the port from URLs.  The
# private copy of its web root lets the tests' loopback feeds through;
# telex itself is used against the stock API.
ttrss_sandbox_patch() {
	sed -i \
	    -e 's/\$tmp = \$parts\[.scheme.\] \. "\:\/\/" \. \$parts\[.host.\];/&\n\t\tif (isset($parts["port"])) $tmp .= ":" . $parts["port"];/' \
	    -e 's/if (\$extended_filtering) {/if (false) {/' \
	    -e 's/strpos(\$\(ip_addr\|fetch_effective_ip_addr\), "127\.") === 0/false/' \
	    "$1/www/classes/urlhelper.php"
}

ttrss_config() {
	cat >"$1/www/config.php" <<EOF
<?php
	define('DB_TYPE', 'pgsql');
	define('DB_HOST', '127.0.0.1');
	define('DB_PORT', '$2');
	define('DB_USER', 'ttrss');
	define('DB_NAME', 'ttrss');
	define('DB_PASS', '');
	define('MYSQL_CHARSET', 'UTF8');
	define('SELF_URL_PATH', 'http://127.0.0.1:$3/');
	define('SINGLE_USER_MODE', false);
	define('SIMPLE_UPDATE_MODE', false);
	define('PHP_EXECUTABLE', '/usr/bin/php');
	define('LOCK_DIRECTORY', '$1/lock');
	define('CACHE_DIR', '$1/cache');
	define('ICONS_DIR', '$1/icons');
	define('ICONS_URL', 'feed-icons');
	define('AUTH_AUTO_CREATE', true);
	define('AUTH_AUTO_LOGIN', true);
	define('FORCE_ARTICLE_PURGE', 0);
	define('ENABLE_REGISTRATION', false);
	define('REG_NOTIFY_ADDRESS', 'admin@example.org');
	define('REG_MAX_USERS', 10);
	define('SESSION_COOKIE_LIFETIME', 86400);
	define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
	define('SMTP_FROM_ADDRESS', 'noreply@example.org');
	define('DIGEST_SUBJECT', 'digest');
	define('CHECK_FOR_UPDATES', false);
	define('ENABLE_GZIP_OUTPUT', false);
	define('PLUGINS', 'auth_internal');
	define('LOG_DESTINATION', 'sql');
	define('DAEMON_UPDATE_LOGIN_LIMIT', 0);
	define('CONFIG_VERSION', 26);
EOF
}

# psql against the private cluster: ttrss_sql DIR SQL
ttrss_sql() {
	ttrss_as "$TTRSS_PGBIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$1" \
	    -p "$(cat "$1/pgport")" -U ttrss -d ttrss -c "$2"
}

# Start the database and the web server in DIR (created; keep it short).
ttrss_start() {
	d=$1
	mkdir -p "$d/db" "$d/cache/feeds" "$d/cache/images" \
	    "$d/cache/upload" "$d/cache/export" "$d/lock" "$d/icons"
	chmod 755 "$d"
	pgport=$(ttrss_free_port)
	webport=$(ttrss_free_port)
	echo "$pgport" >"$d/pgport"
	echo "$webport" >"$d/webport"
	cp -r "$TTRSS_SHARE/www" "$d/www"
	# Debian's web root links to shared PHP and JavaScript by relative
	# paths: point the copies at the originals.
	(cd "$TTRSS_SHARE/www" && find . -type l) | while read -r l; do
		ln -sfn "$(readlink -f "$TTRSS_SHARE/www/$l")" "$d/www/$l"
	done
	rm -f "$d/www/config.php"
	ttrss_sandbox_patch "$d"
	ttrss_config "$d" "$pgport" "$webport"
	[ "$(id -u)" -eq 0 ] && chown -R nobody:nogroup "$d"
	ttrss_as "$TTRSS_PGBIN/initdb" -D "$d/db" -U ttrss -A trust \
	    -E UTF8 --no-locale >"$d/initdb.log" 2>&1 || return 1
	ttrss_as "$TTRSS_PGBIN/pg_ctl" -D "$d/db" -l "$d/pg.log" -w -o \
	    "-c listen_addresses=127.0.0.1 -p $pgport -k $d -c fsync=off" \
	    start >/dev/null 2>&1 || return 1
	ttrss_as "$TTRSS_PGBIN/createdb" -h "$d" -p "$pgport" -U ttrss ttrss ||
	    return 1
	ttrss_as "$TTRSS_PGBIN/psql" -q -X -h "$d" -p "$pgport" -U ttrss \
	    -d ttrss -f "$TTRSS_SHARE/schema/ttrss_schema_pgsql.sql" \
	    >"$d/schema.log" 2>&1 || return 1
	ttrss_sql "$d" "INSERT INTO ttrss_user_prefs (owner_uid, pref_name,
	    value) VALUES (1, 'ENABLE_API_ACCESS', 'true')" || return 1
	ttrss_web_start "$d" || return 1
	TTRSS_URL=http://127.0.0.1:$webport/
}

# POST one JSON request to the API: ttrss_api DIR JSON
ttrss_api() {
	curl -sf -A telex-test -H 'Content-Type: application/json' \
	    --data "$2" "http://127.0.0.1:$(cat "$1/webport")/api/"
}

# Stop the web server only (the database stays): a server that is down.
ttrss_web_stop() {
	if [ -s "$1/php.pid" ]; then
		kill "$(cat "$1/php.pid")" 2>/dev/null
		while kill -0 "$(cat "$1/php.pid")" 2>/dev/null; do
			sleep 0.05
		done
		rm -f "$1/php.pid"
	fi
}

# The web server, its pid in php.pid (setpriv executes php in place).
ttrss_web_start() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd "$1" && exec setpriv --reuid=nobody --regid=nogroup \
		    --clear-groups -- php -S "127.0.0.1:$(cat "$1/webport")" \
		    -t www >>"$1/php.log" 2>&1 </dev/null) &
	else
		(cd "$1" && exec php -S "127.0.0.1:$(cat "$1/webport")" \
		    -t www >>"$1/php.log" 2>&1 </dev/null) &
	fi
	echo $! >"$1/php.pid"
	i=0
	while ! ttrss_api "$1" '{"op":"getApiLevel"}' >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.1
	done
}

ttrss_stop() {
	ttrss_web_stop "$1"
	[ -d "$1/db" ] && ttrss_as "$TTRSS_PGBIN/pg_ctl" -D "$1/db" -m immediate \
	    stop >/dev/null 2>&1
	rm -rf "$1"
}

# The server fetches every feed now (its 30 s feed cache cleared first).
ttrss_update() {
	rm -f "$1"/cache/feeds/*
	(cd "$1/www" && ttrss_as php update.php --feeds --force-update \
	    >>"$1/update.log" 2>&1)
}

case "${0##*/}" in
ttrss.sh)
	case "${1:-}" in
	start)	why=$(ttrss_missing)
		if [ -n "$why" ]; then echo "cannot start: $why" >&2; exit 1; fi
		ttrss_start "$2" || { echo "cannot start; see $2/*.log" >&2;
		    exit 1; }
		echo "$TTRSS_URL admin password" ;;
	stop)	ttrss_stop "$2" ;;
	update)	ttrss_update "$2" ;;
	*)	echo "usage: ttrss.sh start|stop|update DIR" >&2; exit 1 ;;
	esac ;;
esac
