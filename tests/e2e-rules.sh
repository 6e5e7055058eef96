#!/bin/sh
# End-to-end tests of telex rules and telex rules apply: the config's
# rules listed, then run over an archive polled before they were written,
# checked with list; a filter, a bad query, a bad rule and no rules.
. "$(dirname "$0")/lib.sh"

DATA=$TELEX_SRCDIR/tests/data
DEMO=$TELEX_SRCDIR/feeds/demo
CONF=$T_DIR/config.txt

ids() {
	printf '%s\n' "$T_OUT" | cut -f1 | tr '\n' ' ' | sed 's/ $//'
}

for f in "$DATA/port-news.xml" "$DATA/bergblick.xml" \
    "$DATA/vestnik-1251.xml" "$DEMO/harbour-gazette.xml"; do
	tx add --no-check "file://$f"
done
tx poll
t_status "poll without rules" 0
tx list 'tag:rescue OR is:read OR is:hidden'
t_eq "no item is filed before the rules" "$T_OUT" ""

cat >"$CONF" <<'EOF'
# Filing and a killfile, written after the poll.
rule "title:lifeboat" +Rescue
rule "feed:bergblick seilbahn" +Alps read

rule "Rovers penalties" hide
EOF

tx -c "$CONF" rules
t_status "rules lists the rules" 0
t_eq "one rule a line: number, line, query, actions" "$T_OUT" "$(printf \
    '1\t2\ttitle:lifeboat\t+Rescue\n2\t3\tfeed:bergblick seilbahn\t+Alps read\n3\t5\tRovers penalties\thide')"
tx -c "$CONF" rules --json
t_match "rules --json" "$T_OUT" \
    '^\{"rule":2,"line":3,"query":"feed:bergblick seilbahn","add":\["Alps"\],"remove":\[\],"read":true,"star":false,"hide":false\}$'

tx -c "$CONF" rules apply
t_status "rules apply" 0
t_eq "rules apply says what each rule matched" "$T_OUT" \
    'rule 1 (line 2) "title:lifeboat": 2 items
rule 2 (line 3) "feed:bergblick seilbahn": 1 item
rule 3 (line 5) "Rovers penalties": 1 item'
tx list tag:rescue
t_eq "a rule tagged the existing lifeboat stories" "$(ids)" "2 11"
tx list 'tag:alps is:read'
t_eq "a rule tagged and marked read" "$(ids)" "5"
tx list is:read
t_eq "no other item was marked read" "$(ids)" "5"
tx list is:starred
t_eq "no rule starred anything" "$(ids)" ""
tx list rovers
t_eq "a hidden item leaves lists" "$(ids)" ""
tx list
t_eq "list has one item fewer" "$(printf '%s\n' "$T_OUT" | wc -l)" 16
tx list 'rovers is:hidden'
t_eq "is:hidden finds it" "$(ids)" "14"
tx -c "$CONF" rules apply
t_eq "a second run matches the same items" "$T_OUT" \
    'rule 1 (line 2) "title:lifeboat": 2 items
rule 2 (line 3) "feed:bergblick seilbahn": 1 item
rule 3 (line 5) "Rovers penalties": 1 item'

printf 'rule ferry +Boats star\n' >"$T_DIR/boats.conf"
tx -c "$T_DIR/boats.conf" rules apply feed:gazette
t_status "rules apply QUERY" 0
t_eq "only the items QUERY matches are counted" "$T_OUT" \
    'rule 1 (line 1) "ferry": 2 items'
tx list tag:boats
t_eq "only the items QUERY matches are tagged" "$(ids)" "9 12"
tx list is:starred
t_eq "a rule starred them" "$(ids)" "9 12"
printf 'rule "title:timetable" -boats\n' >"$T_DIR/unboats.conf"
tx -c "$T_DIR/unboats.conf" rules apply
t_status "a rule that removes a tag" 0
tx list tag:boats
t_eq "a rule took the tag off the item it matched" "$(ids)" "12"

tx -c "$CONF" rules apply 'hello tga:x'
t_status "a bad query is a usage error" 1
t_match "the message names the word and column" "$T_ERR" \
    'query: unknown field "tga:" at column 7'

printf 'rule "title:ferry" +ok\nrule "tga:x" +oops\n' >"$T_DIR/bad.conf"
tx -c "$T_DIR/bad.conf" rules apply
t_status "a bad rule stops rules apply" 1
t_match "a bad rule names its file and line" "$T_ERR" \
    'bad.conf, line 2: rule: query: unknown field "tga:"'
tx list tag:ok
t_eq "a bad rule changes nothing, not even the good rule before it" \
    "$T_OUT" ""

printf '# nothing yet\n' >"$T_DIR/empty.conf"
tx -c "$T_DIR/empty.conf" rules apply
t_status "rules apply with no rules is not an error" 0
t_match "no rules: says how to write one" "$T_ERR" \
    'no rules in .*empty.conf: add lines like rule "'
tx -c "$T_DIR/empty.conf" rules
t_eq "rules with no rules lists nothing" "$T_OUT" ""

tx rules frobnicate
t_status "an unknown word is a usage error" 1
tx rules --help
t_match "rules --help explains rules" "$T_OUT" '^usage: telex rules'
t_done
