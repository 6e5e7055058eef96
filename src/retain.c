/*
 * Retention: prune by query, the keep lines turned into prunes (by age
 * or by count), and the file shrunk a step at a time afterwards.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "retain.h"
#include "util.h"

#define RETAIN_STEP_PAGES	256	/* pages given back per step */

/* One keep line. */
struct retain_rule {
	struct query	*query;		/* NULL: every item */
	int64_t		 age;		/* seconds, or 0 */
	int64_t		 count;		/* newest to keep, when age is 0 */
	int64_t		 feed_id;	/* a feed's own keep; 0: any feed */
};

struct retain {
	struct retain_rule	*rules;
	size_t			 n;
};

/* Give freed pages back; progress hears each step. */
static int
retain_shrink(struct store *st, int rewrite, retain_progress_cb progress,
    void *arg)
{
	int64_t	 left, total = -1;

	for (;;) {
		if ((left = store_shrink_step(st, RETAIN_STEP_PAGES,
		    rewrite)) < 0)
			return (-1);
		if (total < 0)
			total = left + RETAIN_STEP_PAGES;
		if (progress != NULL)
			progress(left, total, arg);
		if (left == 0)
			return (0);
		rewrite = 0;
	}
}

int
retain_prune(struct store *st, const struct store_filter *f, int dry_run,
    int rewrite, retain_progress_cb progress, void *arg,
    struct retain_counts *c)
{
	int64_t	 before, after, items, bytes;

	before = store_file_size(st);
	if (store_prune(st, f, dry_run, &items, &bytes) != 0)
		return (-1);
	c->items += items;
	c->text_bytes += bytes;
	if (dry_run || items == 0)
		return (0);
	if (retain_shrink(st, rewrite, progress, arg) != 0)
		return (-1);
	after = store_file_size(st);
	if (before > 0 && after >= 0 && before > after)
		c->freed += before - after;
	return (0);
}

/* "30d", "12w", "1y", "48h": seconds, or -1. */
static int64_t
retain_age(const char *s)
{
	char	*end;
	long	 n;

	n = strtol(s, &end, 10);
	if (end == s || n <= 0 || end[0] == '\0' || end[1] != '\0')
		return (-1);
	switch (*end) {
	case 'h':
		return ((int64_t)n * 3600);
	case 'd':
		return ((int64_t)n * 86400);
	case 'w':
		return ((int64_t)n * 7 * 86400);
	case 'y':
		return ((int64_t)n * 365 * 86400);
	default:
		return (-1);
	}
}

int
retain_limit(const char *s, int64_t *age, int64_t *count, char **why)
{
	char	*end;
	long	 n;
	int64_t	 a = 0;

	n = strtol(s, &end, 10);
	if (!(*end == '\0' && end != s && n > 0) &&
	    (a = retain_age(s)) < 0) {
		*why = xasprintf("\"%s\" is neither an age (30d, 12w, 1y, 48h) "
		    "nor a number of items to keep", s);
		return (-1);
	}
	if (age != NULL)
		*age = a;
	if (count != NULL)
		*count = a == 0 ? n : 0;
	return (0);
}

/* One keep line into r: 0, or -1 with *why. */
static int
retain_parse(const struct conf_line *l, struct retain_rule *r, char **why)
{
	memset(r, 0, sizeof *r);
	if (l->argc != 3) {
		*why = xstrdup("a keep line is: keep QUERY AGE (30d, 12w, 1y) "
		    "or keep QUERY COUNT (quote the query; \"all\" is every "
		    "item)");
		return (-1);
	}
	if (strcmp(l->argv[1], "all") != 0 &&
	    query_parse(l->argv[1], &r->query, why) != 0)
		return (-1);
	if (retain_limit(l->argv[2], &r->age, &r->count, why) != 0) {
		query_free(r->query);
		r->query = NULL;
		return (-1);
	}
	return (0);
}

int
retain_add_feed(struct retain *rt, int64_t feed_id, const char *limit,
    char **why)
{
	struct retain_rule	 r;

	memset(&r, 0, sizeof r);
	if (retain_limit(limit, &r.age, &r.count, why) != 0)
		return (-1);
	r.feed_id = feed_id;
	rt->rules = xreallocarray(rt->rules, rt->n + 1, sizeof *rt->rules);
	rt->rules[rt->n++] = r;
	return (0);
}

int
retain_load(const struct conf *cf, struct retain **out, char **cause)
{
	const struct conf_line	*l;
	struct retain		*rt;
	char			*why = NULL;
	size_t			 i = 0;

	rt = xcalloc(1, sizeof *rt);
	while (cf != NULL && (l = conf_next(cf, "keep", &i)) != NULL) {
		rt->rules = xreallocarray(rt->rules, rt->n + 1,
		    sizeof *rt->rules);
		if (retain_parse(l, &rt->rules[rt->n], &why) != 0) {
			*cause = xasprintf("%s, line %d: keep: %s", l->file,
			    l->line, why);
			free(why);
			retain_free(rt);
			*out = NULL;
			return (-1);
		}
		rt->n++;
	}
	*out = rt;
	return (0);
}

void
retain_free(struct retain *rt)
{
	size_t	 i;

	if (rt == NULL)
		return;
	for (i = 0; i < rt->n; i++)
		query_free(rt->rules[i].query);
	free(rt->rules);
	free(rt);
}

int
retain_count(const struct retain *rt)
{
	return (rt != NULL ? (int)rt->n : 0);
}

static int
retain_key(const struct store_item *it, void *arg)
{
	struct store_filter	*f = arg;

	f->before_date = it->date;
	f->before_id = it->id;
	return (0);
}

/*
 * The filter of a keep line: older than its age, or older than its
 * count'th newest item (found first).  1 when nothing is to prune.
 */
static int
retain_filter(struct store *st, const struct retain_rule *r,
    struct store_filter *f)
{
	struct store_filter	 newest;

	memset(f, 0, sizeof *f);
	f->query = r->query;
	f->feed_id = r->feed_id;
	if (r->age != 0) {
		f->before_date = util_now() - r->age;
		f->before_id = INT64_MAX;
		return (0);
	}
	newest = *f;
	newest.hidden = 1;
	newest.limit = (size_t)r->count;
	if (store_items_list(st, &newest, retain_key, f) != 0)
		return (-1);
	return (f->before_id == 0 ? 1 : 0);
}

int
retain_apply(struct store *st, const struct retain *rt, int dry_run,
    struct retain_counts *c)
{
	struct store_filter	 f;
	size_t			 i;
	int			 rc;

	memset(c, 0, sizeof *c);
	for (i = 0; rt != NULL && i < rt->n; i++) {
		if ((rc = retain_filter(st, &rt->rules[i], &f)) < 0)
			return (-1);
		if (rc == 0 && retain_prune(st, &f, dry_run, 0, NULL, NULL,
		    c) != 0)
			return (-1);
	}
	return (0);
}
