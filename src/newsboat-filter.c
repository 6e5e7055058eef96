/*
 * newsboat's filter language (query feeds, ignore-article) translated
 * into telex's query language: a small recursive-descent parser,
 * or := and ("or" and)*; and := primary ("and" primary)*;
 * primary := "(" or ")" | ATTRIBUTE OPERATOR VALUE.
 * What telex cannot express fails with the reason, never a guess.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "newsboat.h"
#include "query.h"
#include "util.h"

#define NEWSBOAT_DEPTH_MAX	32

struct newsboat_parser {
	const char	*s;
	int		 depth;
	char		*why;
};

/* A translated part: its text, and whether it is an OR of several. */
struct newsboat_part {
	char	*text;
	int	 or;
};

static int	newsboat_or(struct newsboat_parser *, struct newsboat_part *);

static int
newsboat_fail(struct newsboat_parser *p, char *why)
{
	if (p->why == NULL)
		p->why = why;
	else
		free(why);
	return (-1);
}

static void
newsboat_space(struct newsboat_parser *p)
{
	while (*p->s == ' ' || *p->s == '\t')
		p->s++;
}

/* Is the next word w (followed by a space, parenthesis or the end)? */
static int
newsboat_word(struct newsboat_parser *p, const char *w)
{
	size_t	 n = strlen(w);

	newsboat_space(p);
	if (strncmp(p->s, w, n) != 0 || isalnum((unsigned char)p->s[n]) ||
	    p->s[n] == '_')
		return (0);
	p->s += n;
	return (1);
}

static char *
newsboat_ident(struct newsboat_parser *p)
{
	const char	*start;

	newsboat_space(p);
	start = p->s;
	while (isalnum((unsigned char)*p->s) || *p->s == '_' || *p->s == '-')
		p->s++;
	return (p->s > start ? xstrndup(start, p->s - start) : NULL);
}

static const char *newsboat_ops[] = {
	"==", "!=", "=~", "!~", "!#", "<=", ">=", "=", "#", "<", ">",
	"between"
};

static const char *
newsboat_op(struct newsboat_parser *p)
{
	size_t	 i, n;

	newsboat_space(p);
	for (i = 0; i < UTIL_ARRLEN(newsboat_ops); i++) {
		n = strlen(newsboat_ops[i]);
		if (strncmp(p->s, newsboat_ops[i], n) == 0) {
			p->s += n;
			return (newsboat_ops[i]);
		}
	}
	return (NULL);
}

/* A "quoted" value (backslash escapes) or a bare number or range. */
static char *
newsboat_value(struct newsboat_parser *p)
{
	struct buf	 b;

	newsboat_space(p);
	buf_init(&b, 0);
	if (*p->s == '"') {
		for (p->s++; *p->s != '\0' && *p->s != '"'; p->s++) {
			if (*p->s == '\\' && p->s[1] != '\0')
				p->s++;
			buf_addc(&b, *p->s);
		}
		if (*p->s != '"') {
			buf_free(&b);
			return (NULL);
		}
		p->s++;
	} else {
		while (isdigit((unsigned char)*p->s) || *p->s == ':' ||
		    *p->s == '-' || *p->s == '.')
			buf_addc(&b, *p->s++);
		if (b.len == 0) {
			buf_free(&b);
			return (NULL);
		}
	}
	return (buf_steal(&b));
}

/*
 * A regular expression as the words it must contain, or NULL when it
 * says more than that: ".*" at either end goes, "[Xx]" is x (telex
 * ignores case), "\." is a dot.
 */
static char *
newsboat_regex_words(const char *re)
{
	struct buf	 b;
	size_t		 n = strlen(re);
	const char	*s = re, *end = re + n;

	if (n >= 2 && strncmp(s, ".*", 2) == 0)
		s += 2;
	if (end - s >= 2 && strncmp(end - 2, ".*", 2) == 0 &&
	    (end - s < 3 || end[-3] != '\\'))
		end -= 2;
	buf_init(&b, 0);
	while (s < end) {
		if (*s == '\\' && s + 1 < end && !isalnum((unsigned char)s[1])) {
			buf_addc(&b, s[1]);
			s += 2;
		} else if (*s == '[' && end - s >= 4 && s[3] == ']' &&
		    isalpha((unsigned char)s[1]) &&
		    tolower((unsigned char)s[1]) == tolower((unsigned char)s[2])) {
			buf_addc(&b, (char)tolower((unsigned char)s[1]));
			s += 4;
		} else if (strchr(".^$*+?()[]{}|\\", *s) != NULL) {
			buf_free(&b);
			return (NULL);
		} else
			buf_addc(&b, *s++);
	}
	return (buf_steal(&b));
}

/* Does the value need quotes to stay one term of telex's language? */
static int
newsboat_needs_quotes(const char *v)
{
	const unsigned char	*s;

	for (s = (const unsigned char *)v; *s != '\0'; s++) {
		if (*s < 0x80 && !isalnum(*s) && *s != '-' && *s != '_')
			return (1);
	}
	return (0);
}

/* field:value (or the value alone with field ""), quoted as needed. */
static int
newsboat_term(struct newsboat_parser *p, const char *field, const char *v,
    struct newsboat_part *out)
{
	char	*clean;

	clean = util_collapse_space(v);
	if (*clean == '\0' || strchr(clean, '"') != NULL) {
		free(clean);
		return (newsboat_fail(p, xasprintf("\"%s\" cannot be searched "
		    "for in telex (empty, or with a double quote)", v)));
	}
	if (newsboat_needs_quotes(clean))
		out->text = xasprintf("%s\"%s\"", field, clean);
	else
		out->text = xasprintf("%s%s", field, clean);
	free(clean);
	return (0);
}

static int
newsboat_negative(const char *op)
{
	return (op[0] == '!');
}

/* title, author, content, feed: text that contains the value. */
static int
newsboat_text(struct newsboat_parser *p, const char *attr, const char *field,
    const char *op, const char *v, struct newsboat_part *out)
{
	char	*words;
	int	 rc;

	if (strcmp(op, "=~") == 0 || strcmp(op, "!~") == 0) {
		if ((words = newsboat_regex_words(v)) == NULL)
			return (newsboat_fail(p, xasprintf("the regular "
			    "expression \"%s\" says more than words telex can "
			    "look for", v)));
	} else if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0 ||
	    strcmp(op, "!=") == 0 || strcmp(op, "#") == 0 ||
	    strcmp(op, "!#") == 0)
		words = xstrdup(v);
	else
		return (newsboat_fail(p, xasprintf("%s %s has no telex "
		    "equivalent", attr, op)));
	rc = newsboat_term(p, field, words, out);
	free(words);
	return (rc);
}

static int
newsboat_unread(struct newsboat_parser *p, const char *op, const char *v,
    struct newsboat_part *out)
{
	int	 yes;

	if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
		return (newsboat_fail(p, xasprintf("unread is \"yes\" or "
		    "\"no\", not \"%s\"", v)));
	yes = strcmp(v, "yes") == 0;
	if (strcmp(op, "!=") == 0)
		yes = !yes;
	else if (strcmp(op, "=") != 0 && strcmp(op, "==") != 0)
		return (newsboat_fail(p, xasprintf("unread %s has no telex "
		    "equivalent", op)));
	out->text = xstrdup(yes ? "is:unread" : "is:read");
	return (0);
}

/* flags # "s": the flag-s tag the import puts on flagged items. */
static int
newsboat_flags(struct newsboat_parser *p, const char *op, const char *v,
    struct newsboat_part *out)
{
	struct buf	 b;
	const char	*s;
	char		*tag;

	if (strcmp(op, "#") != 0 && strcmp(op, "=~") != 0 &&
	    strcmp(op, "!#") != 0 && strcmp(op, "!~") != 0)
		return (newsboat_fail(p, xasprintf("flags %s has no telex "
		    "equivalent (flags # \"s\" has)", op)));
	if (*v == '\0')
		return (newsboat_fail(p, xstrdup("an empty flag")));
	buf_init(&b, 0);
	for (s = v; *s != '\0'; s++) {
		if (!isalpha((unsigned char)*s)) {
			buf_free(&b);
			return (newsboat_fail(p, xasprintf("flags are letters, "
			    "not \"%s\"", v)));
		}
		tag = newsboat_flag_tag(*s);
		buf_printf(&b, "%stag:%s", s == v ? "" : " ", tag);
		free(tag);
	}
	out->text = buf_steal(&b);
	return (0);
}

/* tags # "t": the item or its feed has the tag. */
static int
newsboat_tags(struct newsboat_parser *p, const char *op, const char *v,
    struct newsboat_part *out)
{
	char	*cause = NULL;

	if (strcmp(op, "#") != 0 && strcmp(op, "!#") != 0)
		return (newsboat_fail(p, xasprintf("tags %s has no telex "
		    "equivalent (tags # \"name\" has)", op)));
	if (query_tag_valid(v, &cause) != 0) {
		free(cause);
		return (newsboat_fail(p, xasprintf("\"%s\" is not a tag name "
		    "telex can hold", v)));
	}
	out->text = xasprintf("tag:%s", v);
	return (0);
}

/* A number of days, from 0 to 100000. */
static int
newsboat_days(const char *v, long *days)
{
	char	*end;

	*days = strtol(v, &end, 10);
	return (*v != '\0' && *end == '\0' && *days >= 0 && *days <= 100000 ?
	    0 : -1);
}

/* age < 7: from the last 7 days (date:7d); age > 7: older (-date:7d). */
static int
newsboat_age(struct newsboat_parser *p, const char *op, const char *v,
    struct newsboat_part *out)
{
	long	 days, to;
	int	 newer;

	if (strcmp(op, "between") == 0) {
		if (sscanf(v, "%ld:%ld", &days, &to) != 2 || days < 0 ||
		    to <= days)
			return (newsboat_fail(p, xasprintf("age between \"%s\" "
			    "is not a range of days A:B", v)));
		out->text = days == 0 ? xasprintf("date:%ldd", to + 1) :
		    xasprintf("date:%ldd -date:%ldd", to + 1, days);
		return (0);
	}
	if (newsboat_days(v, &days) != 0)
		return (newsboat_fail(p, xasprintf("age is a number of days, "
		    "not \"%s\"", v)));
	if (strcmp(op, "<") == 0)
		newer = 1;
	else if (strcmp(op, "<=") == 0) {
		newer = 1;
		days++;
	} else if (strcmp(op, ">") == 0) {
		newer = 0;
		days++;
	} else if (strcmp(op, ">=") == 0)
		newer = 0;
	else
		return (newsboat_fail(p, xasprintf("age %s has no telex "
		    "equivalent (age < N and age > N have)", op)));
	if (days == 0)
		out->text = xstrdup(newer ? "id:0" : "");
	else
		out->text = xasprintf("%sdate:%ldd", newer ? "" : "-", days);
	return (0);
}

/* enclosure_url != "": has:enclosure. */
static int
newsboat_enclosure(struct newsboat_parser *p, const char *op, const char *v,
    struct newsboat_part *out)
{
	int	 has;

	if (*v != '\0' || (strcmp(op, "!=") != 0 && strcmp(op, "=") != 0 &&
	    strcmp(op, "==") != 0))
		return (newsboat_fail(p, xstrdup("of enclosure_url, telex "
		    "looks only for whether there is one (!= \"\")")));
	has = strcmp(op, "!=") == 0;
	out->text = xstrdup(has ? "has:enclosure" : "-has:enclosure");
	return (0);
}

/* One comparison, translated; negative operators negate it after. */
static int
newsboat_compare(struct newsboat_parser *p, const char *attr, const char *op,
    const char *v, struct newsboat_part *out)
{
	char	*neg;
	int	 rc;

	if (strcmp(attr, "title") == 0)
		rc = newsboat_text(p, attr, "title:", op, v, out);
	else if (strcmp(attr, "author") == 0)
		rc = newsboat_text(p, attr, "author:", op, v, out);
	else if (strcmp(attr, "content") == 0 ||
	    strcmp(attr, "description") == 0)
		rc = newsboat_text(p, attr, "", op, v, out);
	else if (strcmp(attr, "feedtitle") == 0 ||
	    strcmp(attr, "rssurl") == 0 || strcmp(attr, "feedlink") == 0 ||
	    strcmp(attr, "feedurl") == 0)
		rc = newsboat_text(p, attr, "feed:", op, v, out);
	else if (strcmp(attr, "unread") == 0)
		return (newsboat_unread(p, op, v, out));
	else if (strcmp(attr, "age") == 0)
		return (newsboat_age(p, op, v, out));
	else if (strcmp(attr, "enclosure_url") == 0)
		return (newsboat_enclosure(p, op, v, out));
	else if (strcmp(attr, "flags") == 0)
		rc = newsboat_flags(p, op, v, out);
	else if (strcmp(attr, "tags") == 0)
		rc = newsboat_tags(p, op, v, out);
	else
		return (newsboat_fail(p, xasprintf("telex has nothing like "
		    "newsboat's %s", attr)));
	if (rc != 0 || !newsboat_negative(op))
		return (rc);
	if (strchr(out->text, ' ') != NULL)
		neg = xasprintf("NOT (%s)", out->text);
	else
		neg = xasprintf("-%s", out->text);
	free(out->text);
	out->text = neg;
	return (0);
}

static int
newsboat_primary(struct newsboat_parser *p, struct newsboat_part *out)
{
	const char	*op;
	char		*attr, *v = NULL;
	int		 rc = -1;

	memset(out, 0, sizeof *out);
	newsboat_space(p);
	if (*p->s == '(') {
		if (++p->depth > NEWSBOAT_DEPTH_MAX)
			return (newsboat_fail(p, xstrdup("too deeply nested")));
		p->s++;
		if (newsboat_or(p, out) != 0)
			return (-1);
		newsboat_space(p);
		p->depth--;
		if (*p->s != ')') {
			free(out->text);
			out->text = NULL;
			return (newsboat_fail(p, xstrdup("a parenthesis is "
			    "not closed")));
		}
		p->s++;
		return (0);
	}
	if ((attr = newsboat_ident(p)) == NULL)
		return (newsboat_fail(p, xasprintf("an attribute was expected "
		    "at \"%s\"", p->s)));
	if ((op = newsboat_op(p)) == NULL)
		newsboat_fail(p, xasprintf("an operator was expected after "
		    "%s", attr));
	else if ((v = newsboat_value(p)) == NULL)
		newsboat_fail(p, xasprintf("a value was expected after %s %s",
		    attr, op));
	else
		rc = newsboat_compare(p, attr, op, v, out);
	free(attr);
	free(v);
	return (rc);
}

/* Parts joined by sep; an OR inside an AND keeps its parentheses. */
static void
newsboat_join(struct newsboat_part *acc, struct newsboat_part *next,
    const char *sep, int or)
{
	char	*a, *b, *joined;

	a = !or && acc->or ? xasprintf("(%s)", acc->text) : xstrdup(acc->text);
	b = !or && next->or ? xasprintf("(%s)", next->text) :
	    xstrdup(next->text);
	if (*a == '\0' || *b == '\0')
		joined = xasprintf("%s%s", a, b);
	else
		joined = xasprintf("%s%s%s", a, sep, b);
	free(a);
	free(b);
	free(acc->text);
	free(next->text);
	acc->text = joined;
	acc->or = or;
}

static int
newsboat_and(struct newsboat_parser *p, struct newsboat_part *out)
{
	struct newsboat_part	 next;

	if (newsboat_primary(p, out) != 0)
		return (-1);
	while (newsboat_word(p, "and")) {
		if (newsboat_primary(p, &next) != 0) {
			free(out->text);
			return (-1);
		}
		newsboat_join(out, &next, " ", 0);
	}
	return (0);
}

static int
newsboat_or(struct newsboat_parser *p, struct newsboat_part *out)
{
	struct newsboat_part	 next;

	if (newsboat_and(p, out) != 0)
		return (-1);
	while (newsboat_word(p, "or")) {
		if (newsboat_and(p, &next) != 0) {
			free(out->text);
			return (-1);
		}
		if (*out->text == '\0' || *next.text == '\0') {
			free(out->text);
			free(next.text);
			return (newsboat_fail(p, xstrdup("age >= 0 in an or "
			    "has no telex equivalent")));
		}
		newsboat_join(out, &next, " OR ", 1);
	}
	return (0);
}

int
newsboat_filter(const char *expr, char **query, char **why)
{
	struct newsboat_parser	 p;
	struct newsboat_part	 out;
	struct query		*q = NULL;
	char			*cause = NULL;

	*query = *why = NULL;
	memset(&p, 0, sizeof p);
	p.s = expr;
	if (newsboat_or(&p, &out) != 0) {
		*why = p.why;
		return (-1);
	}
	newsboat_space(&p);
	if (*p.s != '\0') {
		free(out.text);
		free(p.why);
		*why = xasprintf("\"%s\" was not expected", p.s);
		return (-1);
	}
	if (query_parse(out.text, &q, &cause) != 0) {
		*why = xasprintf("the translation \"%s\" is not a telex "
		    "query: %s", out.text, cause);
		free(cause);
		free(out.text);
		return (-1);
	}
	query_free(q);
	*query = out.text;
	return (0);
}
