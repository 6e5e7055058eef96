/*
 * The configuration's rules ("rule QUERY ACTION..." lines), read once:
 * handed to the store for the new items a poll stores, or applied to the
 * items already in the archive.
 */
#ifndef TELEX_RULES_H
#define TELEX_RULES_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct conf;
struct query;
struct store;
struct store_rule;

struct rules;

/* Hears, after rules_apply commits, what each rule did. */
typedef void (*rules_apply_cb)(size_t i, int line, const char *query_text,
	     int64_t touched, void *);

/*
 * Parse every "rule" line of cf (may be NULL: no rules) into a new *out
 * (free with rules_free).  Returns 0, or -1 with *cause set (caller
 * frees) as "FILE, line N: rule: why".
 */
int		 rules_load(const struct conf *cf, struct rules **out,
		     char **cause);
void		 rules_free(struct rules *);

size_t		 rules_count(const struct rules *);
/* Rule i (from 0), its line in the file (line may be NULL), or NULL. */
const struct store_rule *rules_get(const struct rules *, size_t i,
		     int *line);
/* Rule i's query as the file wrote it ("" for none). */
const char	*rules_query_text(const struct rules *, size_t i);
/* Rule i's actions as written: "+tag -tag read star hide". */
void		 rules_actions(const struct rules *, size_t i, struct buf *);

/*
 * Give the rules to st for the new items of each poll (store_rules_set);
 * rules must outlive that use.  NULL takes them back.
 */
void		 rules_attach(struct store *, const struct rules *);

/*
 * Apply every rule, in file order, to the archive's items that also
 * match filter (NULL: all), in one transaction, as a poll applies them
 * to new items: tags, then read, star, hide; hidden items included.
 * touched counts the items the rule's query and filter matched (whether
 * or not they had the tag or flag already).  cb (may be NULL) hears each
 * rule after the commit.  Returns 0, or -1 (store_errmsg says why;
 * nothing is changed).
 */
int		 rules_apply(struct store *, const struct rules *,
		     const struct query *filter, rules_apply_cb cb,
		     void *arg);

#endif
