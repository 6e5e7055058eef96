/*
 * The configuration's rules: each "rule QUERY ACTION..." line parsed
 * into a store_rule, kept with its line and query text, and applied to
 * the archive's items through the store's tag and mark verbs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "query.h"
#include "rules.h"
#include "store.h"
#include "util.h"

struct rules {
	struct store_rule	*list;		/* one array, for the store */
	int			*lines;
	char			**texts;	/* each query as written */
	size_t			 n;
};

/* One action of a rule: +tag, -tag, read, star or hide. */
static int
rules_action(struct store_rule *r, const char *word, char **why)
{
	struct query_tags	 t;
	int			 rc;

	if (strcmp(word, "read") == 0)
		r->read = 1;
	else if (strcmp(word, "star") == 0)
		r->star = 1;
	else if (strcmp(word, "hide") == 0)
		r->hide = 1;
	else {
		t.add = r->add;
		t.nadd = r->nadd;
		t.remove = r->remove;
		t.nremove = r->nremove;
		rc = query_tags_word(&t, word, 0, why);
		r->add = t.add;
		r->nadd = t.nadd;
		r->remove = t.remove;
		r->nremove = t.nremove;
		if (rc == 1)
			*why = xasprintf("\"%s\" is not an action (use +tag, "
			    "-tag, read, star or hide)", word);
		return (rc == 0 ? 0 : -1);
	}
	return (0);
}

static void
rules_clear(struct store_rule *r)
{
	size_t	 i;

	query_free((struct query *)r->query);
	for (i = 0; i < r->nadd; i++)
		free(r->add[i]);
	for (i = 0; i < r->nremove; i++)
		free(r->remove[i]);
	free(r->add);
	free(r->remove);
	memset(r, 0, sizeof *r);
}

/* A rule line: rule QUERY ACTION...; -1 with *why (caller frees). */
static int
rules_parse(const struct conf_line *l, struct store_rule *r, char **why)
{
	struct query	*q = NULL;
	int		 i;

	memset(r, 0, sizeof *r);
	if (l->argc < 3) {
		*why = xstrdup("a rule is: rule \"QUERY\" +tag -tag read star "
		    "hide (quote the query, give at least one action)");
		return (-1);
	}
	if (query_parse(l->argv[1], &q, why) != 0)
		return (-1);
	r->query = q;
	for (i = 2; i < l->argc; i++) {
		if (rules_action(r, l->argv[i], why) != 0) {
			rules_clear(r);
			return (-1);
		}
	}
	return (0);
}

/* Parse line l onto the end of rules; -1 with *why (caller frees). */
static int
rules_push(struct rules *rules, const struct conf_line *l, char **why)
{
	size_t	 n = rules->n;

	rules->list = xreallocarray(rules->list, n + 1, sizeof *rules->list);
	rules->lines = xreallocarray(rules->lines, n + 1,
	    sizeof *rules->lines);
	rules->texts = xreallocarray(rules->texts, n + 1,
	    sizeof *rules->texts);
	if (rules_parse(l, &rules->list[n], why) != 0)
		return (-1);
	rules->lines[n] = l->line;
	rules->texts[n] = xstrdup(l->argv[1]);
	rules->n++;
	return (0);
}

int
rules_load(const struct conf *cf, struct rules **out, char **cause)
{
	const struct conf_line	*l;
	struct rules		*rules;
	char			*why = NULL;
	size_t			 i = 0;

	*out = NULL;
	rules = xcalloc(1, sizeof *rules);
	while (cf != NULL && (l = conf_next(cf, "rule", &i)) != NULL) {
		if (rules_push(rules, l, &why) != 0) {
			*cause = xasprintf("%s, line %d: rule: %s", l->file,
			    l->line, why);
			goto fail;
		}
	}
	*out = rules;
	return (0);
fail:
	free(why);
	rules_free(rules);
	return (-1);
}

void
rules_free(struct rules *rules)
{
	size_t	 i;

	if (rules == NULL)
		return;
	for (i = 0; i < rules->n; i++) {
		rules_clear(&rules->list[i]);
		free(rules->texts[i]);
	}
	free(rules->list);
	free(rules->lines);
	free(rules->texts);
	free(rules);
}

size_t
rules_count(const struct rules *rules)
{
	return (rules != NULL ? rules->n : 0);
}

const struct store_rule *
rules_get(const struct rules *rules, size_t i, int *line)
{
	if (i >= rules_count(rules))
		return (NULL);
	if (line != NULL)
		*line = rules->lines[i];
	return (&rules->list[i]);
}

const char *
rules_query_text(const struct rules *rules, size_t i)
{
	return (i < rules_count(rules) ? rules->texts[i] : NULL);
}

/* Add a word to b, after a space unless it is the first since start. */
static void
rules_word(struct buf *b, size_t start, const char *prefix, const char *word)
{
	buf_printf(b, "%s%s%s", b->len > start ? " " : "", prefix, word);
}

void
rules_actions(const struct rules *rules, size_t i, struct buf *b)
{
	const struct store_rule	*r;
	size_t			 j, start = b->len;

	if ((r = rules_get(rules, i, NULL)) == NULL)
		return;
	for (j = 0; j < r->nadd; j++)
		rules_word(b, start, "+", r->add[j]);
	for (j = 0; j < r->nremove; j++)
		rules_word(b, start, "-", r->remove[j]);
	if (r->read)
		rules_word(b, start, "", "read");
	if (r->star)
		rules_word(b, start, "", "star");
	if (r->hide)
		rules_word(b, start, "", "hide");
}

void
rules_attach(struct store *st, const struct rules *rules)
{
	if (rules == NULL)
		store_rules_set(st, NULL, 0);
	else
		store_rules_set(st, rules->list, rules->n);
}

/* One rule's actions on the items f matches; *touched counts them. */
static int
rules_apply_one(struct store *st, const struct store_rule *r,
    const struct store_filter *f, int64_t *touched)
{
	if (r->nadd + r->nremove != 0) {
		if (store_tag_items(st, f, r->add, r->nadd, r->remove,
		    r->nremove, touched) != 0)
			return (-1);
	} else if (store_items_count(st, f, touched) != 0)
		return (-1);
	if (r->read && store_mark_items(st, f, STORE_MARK_READ, NULL) != 0)
		return (-1);
	if (r->star && store_mark_items(st, f, STORE_MARK_STAR, NULL) != 0)
		return (-1);
	if (r->hide && store_mark_items(st, f, STORE_MARK_HIDE, NULL) != 0)
		return (-1);
	return (0);
}

/*
 * The filter for rule i: its query AND filter over every item, hidden
 * ones too, in and, whose children go in kids (room for two).
 */
static void
rules_scope(const struct rules *rules, size_t i, const struct query *filter,
    struct query *and, struct query **kids, struct store_filter *f)
{
	memset(and, 0, sizeof *and);
	and->kind = QUERY_AND;
	and->children = kids;
	if (rules->list[i].query != NULL)
		kids[and->nchildren++] = (struct query *)rules->list[i].query;
	if (filter != NULL)
		kids[and->nchildren++] = (struct query *)filter;
	memset(f, 0, sizeof *f);
	f->hidden = 1;
	if (and->nchildren == 2)
		f->query = and;
	else if (and->nchildren == 1)
		f->query = kids[0];
}

int
rules_apply(struct store *st, const struct rules *rules,
    const struct query *filter, rules_apply_cb cb, void *arg)
{
	struct store_filter	 f;
	struct query		 and, *kids[2];
	int64_t			*touched;
	size_t			 i, n = rules_count(rules);
	int			 rc = -1;

	touched = xcalloc(n + 1, sizeof *touched);
	if (store_begin(st) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		rules_scope(rules, i, filter, &and, kids, &f);
		if (rules_apply_one(st, &rules->list[i], &f, &touched[i]) != 0)
			break;
	}
	if (i != n || store_commit(st) != 0) {
		store_rollback(st);
		goto out;
	}
	for (i = 0; cb != NULL && i < n; i++)
		cb(i, rules->lines[i], rules->texts[i], touched[i], arg);
	rc = 0;
out:
	free(touched);
	return (rc);
}
