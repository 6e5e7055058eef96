#!/bin/sh
# End-to-end tests of stemmed search: a feed with one story in each of
# five languages, polled into a real archive, then searched with other
# inflections of their words, accents dropped, phrases and prefixes.
. "$(dirname "$0")/lib.sh"

FEED=file://$TELEX_SRCDIR/tests/data/stem-wire.xml

tx add --no-check "$FEED"
t_status "add the five-language feed" 0
tx poll
t_status "poll it" 0

# search_finds NAME QUERY TITLE-PATTERN: the first result's title matches.
search_finds() {
	tx search -n 1 "$2"
	t_match "$1" "$(printf '%s\n' "$T_OUT" | cut -f5)" "$3"
}

# search_misses NAME QUERY: the search works and finds nothing.
search_misses() {
	tx search "$2"
	t_eq "$1" "status $T_RC: $T_OUT" "status 0: "
}

search_finds "negotiations finds negotiate and negotiating" negotiations \
    '^Ferry operators negotiate'
search_finds "operator finds operators" operator '^Ferry operators'
search_finds "переговорах finds Переговоры" переговорах '^В Заречье'
search_finds "мосты finds моста" мосты '^В Заречье'
search_finds "bielorussie finds Biélorussie" bielorussie '^La Biélorussie'
search_finds "BIÉLORUSSIE finds Biélorussie" BIÉLORUSSIE '^La Biélorussie'
search_finds "village finds villages" village '^La Biélorussie'
search_finds "Verhandlung finds Verhandlungen" Verhandlung '^Wochenmarkt'
search_finds "Händler finds Händlern" Händler '^Wochenmarkt'
search_finds "embalse finds embalses" embalse '^Los embalses'
search_finds "segun finds Según" segun '^Los embalses'
search_finds "a quoted phrase matches as written" '"ferry operators"' \
    '^Ferry operators'
search_misses "a quoted phrase matches no other inflection" \
    '"ferry operator"'
search_misses "a prefix matches words as written" 'negotiations*'
search_finds "a prefix of a word finds it" 'negotia*' '^Ferry operators'
search_misses "an unrelated word finds nothing" schoolteacher

tx search negotiations
t_match "a snippet marks the inflected word" "$T_OUT" '\[negotiating\]'
tx list переговоры
t_match "list takes stemmed words too" "$T_OUT" 'В Заречье'
tx list -n 5 'title:Verhandlung'
t_eq "title: looks in titles only" "status $T_RC: $T_OUT" "status 0: "

t_done
