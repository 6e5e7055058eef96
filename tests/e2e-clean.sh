#!/bin/sh
# End-to-end tests of telex clean: the default output, --text, and the
# --json object with the article's metadata apart from its text.
. "$(dirname "$0")/lib.sh"

PAGES=$TELEX_SRCDIR/tests/data/clean

# field NAME: one field of the last --json output, as Python prints it.
field() {
	printf '%s\n' "$T_OUT" | "$PYTHON3" -c \
	    'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

tx clean --help
t_match "clean --help names --json and --text" "$T_OUT" \
    'clean \[--url URL\] \[--fragment\] \[--text \| --json\]'

tx clean "$PAGES/byline-de.html"
t_status "clean a page" 0
t_eq "the headline comes first" "$(printf '%s\n' "$T_OUT" | head -1)" \
    "Seilbahn fährt wieder"
t_eq "then a blank line" "$(printf '%s\n' "$T_OUT" | sed -n 2p)" ""
t_no_match "the byline is not in the text" "$T_OUT" 'Von Eva Roth'
t_match "the story is" "$T_OUT" '^Nach sieben Wochen Revision'

tx clean --text "$PAGES/byline-de.html"
t_match "--text starts with the story" "$(printf '%s\n' "$T_OUT" | head -1)" \
    '^Nach sieben Wochen'
t_no_match "--text has no headline" "$T_OUT" '^Seilbahn fährt wieder$'

tx clean --json --url https://bergblick.example/seilbahn \
    "$PAGES/byline-de.html"
t_status "clean --json" 0
t_eq "--json is one line" "$(printf '%s\n' "$T_OUT" | wc -l | tr -d ' ')" 1
t_eq "the title" "$(field title)" "Seilbahn fährt wieder"
t_eq "every JSON-LD author" "$(field authors)" "['Eva Roth', 'Jonas Kälin']"
t_eq "the byline joins them" "$(field byline)" "Eva Roth, Jonas Kälin"
t_eq "published in UTC" "$(field published)" "2026-11-28T07:00:00Z"
t_eq "modified in UTC" "$(field modified)" "2026-11-29T09:15:00Z"
t_eq "the site" "$(field site)" "Bergblick Zeitung"
t_eq "the language" "$(field lang)" "de"
t_eq "the url given" "$(field url)" "https://bergblick.example/seilbahn"
t_eq "the lead image with its alt text" "$(field image)" \
    "{'url': 'https://bergblick.example/img/seilbahn.jpg', 'alt': 'Die rote Kabine über dem Tal'}"
t_match "links are numbered in the numbered text" "$(field numbered)" \
    'wie die Gemeinde\[1\] mitteilte'
t_eq "and listed by number" "$(field links)" \
    "[{'n': 1, 'url': 'https://bergblick.example/gemeinde', 'text': 'Gemeinde'}]"
t_match "the text is the story" "$(field text)" '^Nach sieben Wochen Revision'
t_no_match "the text has no marks" "$(field text)" '\[1\]'

tx clean --json --url https://ledger.example/pilots "$PAGES/author-box-en.html"
t_eq "authors from the meta tags" "$(field authors)" \
    "['Maria Lopez', 'Daniel Okafor']"
t_eq "a date the page leaves out is null" "$(field modified)" "None"
t_match "the text is the story" "$(field text)" \
    '^The harbor pilots of Port Ellery voted late on Monday'
t_no_match "no dateline in the text" "$(field text)" 'Updated 12:24'
t_no_match "no author box in the text" "$(field text)" \
    'View author archive|email the author|RSS feed|^-$'
t_match "an image is a numbered link" "$(field numbered)" \
    '\[image: Freighters at anchor off the breakwater\]\[1\]'
t_match "to its address" "$(field links)" \
    "'url': 'https://ledger.example/photos/anchorage.jpg'"

tx clean --json "$PAGES/author-box-en.html"
t_eq "without --url the page's canonical address" "$(field url)" \
    "https://ledger.example/2026/12/pilots-end-strike"
tx clean --json "$PAGES/byline-de.html"
t_eq "null when there is neither" "$(field url)" "None"

printf '<p>Un <a href="/b">lien</a> seul.</p>' >"$T_DIR/frag.html"
tx clean --fragment --json --url https://a.example/x "$T_DIR/frag.html"
t_eq "a fragment has no title" "$(field title)" "None"
t_eq "its links are resolved" "$(field links)" \
    "[{'n': 1, 'url': 'https://a.example/b', 'text': 'lien'}]"

tx clean --json "$T_DIR/missing.html"
t_status "a missing file fails" 2
t_done
