#!/bin/sh
# JSON Feed end to end: add checks and discovers JSON Feeds, a poll from
# the loopback server stores their items (found by content or by
# Content-Type), a broken one keeps the items before the break, and the
# archive shows what the feed said: authors, tags, enclosures, images,
# and a date taken from date_modified marked as inferred.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data/jsonfeed
ROOT=$T_DIR/www
mkdir -p "$ROOT"
cp "$DATA/almanac-1.1.json" "$DATA/hafenblatt-1.0.json" \
    "$DATA/cut-in-item.json" "$DATA/not-jsonfeed.json" "$ROOT/"
# No version, a byte order mark and blank lines: JSON Feed by its type.
printf '\357\273\277\n\n  {"title": "Sin versión", "items": [{"id": "sv-1", "title": "Primera"}]}\n' \
    >"$ROOT/noversion.json"
t_server "$ROOT"

tx add "$T_URL/feed/almanac-1.1.json"
t_status "add accepts a JSON Feed" 0
t_match "add names the JSON Feed by its title" "$T_OUT" \
    "^added feed 1: Almanaque del Río \\($T_URL/feed/almanac-1.1.json\\)"
tx add "$T_URL/html?feed=hafenblatt-1.0.json"
t_status "add finds a JSON Feed announced by a web page" 0
t_match "the page's application/feed+json link is subscribed" "$T_OUT" \
    "^added feed 2: Hafenblatt \\($T_URL/feed/hafenblatt-1.0.json\\)"
tx add "$T_URL/feed/not-jsonfeed.json"
t_status "add refuses JSON that is no JSON Feed" 2
t_match "...and says why" "$T_ERR" "JSON but not a JSON Feed"
for path in feed/cut-in-item.json \
    "feed/noversion.json?type=application/feed%2Bjson" \
    "feed/noversion.json?type=application/json"; do
	tx add --no-check "$T_URL/$path"
done

tx poll
t_status "a poll with a broken and a non-feed JSON document exits 3" 3
t_match "the summary counts the JSON Feed items" "$T_OUT" \
    '^polled 5 feeds: 10 new, 0 unchanged, 2 failed$'
t_match "a JSON Feed cut in item 3 is damaged, items before it kept" \
    "$T_ERR" "^telex: feed 3 \\(.*cut-in-item.json\\): the feed is damaged: the feed ends in the middle of item 3; kept the 2 items"
t_match "JSON without a version, typed application/json, is not a feed" \
    "$T_ERR" "^telex: feed 5 \\(.*\\): not a feed: the document is JSON but not a JSON Feed"
tx list feed:noversion
t_match "typed application/feed+json, it is read" "$T_OUT" 'Primera'
tx list feed:Вечерний
t_eq "the broken JSON Feed keeps two items" \
    "$(printf '%s\n' "$T_OUT" | wc -l)" 2

tx list --json feed:Almanaque
t_eq "three items from the JSON Feed 1.1" \
    "$(printf '%s\n' "$T_OUT" | wc -l)" 3
"$PYTHON3" - "$T_DIR/out" >"$T_DIR/check" 2>&1 <<'PY'
import json, sys
items = {i["title"]: i for i in map(json.loads, open(sys.argv[1]))}
crecida = items["La crecida llega a Rosario"]
assert crecida["guid"] == "almanaque-2026-0412", crecida
assert crecida["url"].endswith("/2026/04/crecida"), crecida
assert crecida["author"] == "Lucía Ferreyra, Tomás Ibarra", crecida
assert crecida["published"] == "2026-04-12T11:30:00Z", crecida
assert crecida["updated"] == "2026-04-12T14:00:00Z", crecida
assert crecida["categories"] == ["río", "Rosario", "clima"], crecida
assert "published_inferred" not in crecida, crecida
barcas = items["Las barcas de madera vuelven al agua"]
assert barcas["guid"] == "20260411", barcas
assert barcas["published"] == "2026-04-11T18:00:00Z", barcas
assert barcas["published_inferred"] is True, barcas
assert barcas["author"] == "Redacción del Almanaque", barcas
peces = items["Enlace: los peces del delta"]
assert peces["url"] == "https://otro.example/nota-sobre-peces", peces
print("ok")
PY
t_eq "list --json shows the JSON Feed's fields; the inferred date is marked" \
    "$(cat "$T_DIR/check")" ok

tx list -n 1 'title:crecida'
id=$(printf '%s\n' "$T_OUT" | cut -f1)
tx show --links "$id"
t_match "the attachment is an enclosure" "$T_OUT" \
    "$T_URL/audio/crecida.mp3|https://almanaque.example/audio/crecida.mp3"
t_match "the image is kept as a link" "$T_OUT" \
    'https://almanaque.example/img/crecida.jpg'
t_match "the external URL is kept as a link" "$T_OUT" \
    'https://hidro.example/boletin/412'
tx show "$id"
t_match "content_html is the article text" "$T_OUT" \
    'Los muelles del norte están cerrados'
tx list -n 1 'title:Elbfähre'
tx show --links "$(printf '%s\n' "$T_OUT" | cut -f1)"
t_match "a JSON Feed 1.0 attachment resolves against home_page_url" \
    "$T_OUT" 'https://hafenblatt.example/blog/fahrplan.pdf'

tx poll 1 2
t_status "a second poll of the JSON Feeds succeeds" 0
t_match "...and adds nothing twice" "$T_OUT" '^polled 2 feeds: 0 new'
tx feeds
t_match "feeds lists the JSON Feed with its items" "$T_OUT" \
    "^1	$T_URL/feed/almanac-1.1.json	Almanaque del Río	"
t_done
