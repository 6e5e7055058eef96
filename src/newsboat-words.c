/*
 * The words of newsboat's files (urls, config): a line split into
 * tokens as newsboat splits it, the lines left out with their reasons,
 * and the tag a flag letter becomes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "newsboat.h"
#include "util.h"

#define NEWSBOAT_TOKEN_MAX	8192

void
newsboat_skip_add(struct newsboat_skip **v, size_t *n, const char *file,
    int line, char *reason)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].where = line > 0 ? xasprintf("%s:%d", file, line) :
	    xstrdup(file);
	(*v)[*n].reason = reason;
	(*n)++;
}

void
newsboat_skips_free(struct newsboat_skip *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].where);
		free(v[i].reason);
	}
	free(v);
}

char *
newsboat_flag_tag(int letter)
{
	if (letter >= 'A' && letter <= 'Z')
		return (xasprintf("flag-upper-%c", letter - 'A' + 'a'));
	return (xasprintf("flag-%c", letter));
}

/*
 * The next token of a line at *p: a word, or a double-quoted string that
 * may hold spaces (backslash escapes the next character).  NULL at the
 * end of the line or at a "#" comment.
 */
char *
newsboat_token(const char **p)
{
	const char	*s = *p;
	struct buf	 b;

	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	if (*s == '\0' || *s == '#')
		return (NULL);
	buf_init(&b, NEWSBOAT_TOKEN_MAX);
	if (*s == '"') {
		for (s++; *s != '\0' && *s != '"'; s++) {
			if (*s == '\\' && s[1] != '\0')
				s++;
			buf_addc(&b, *s);
		}
		if (*s == '"')
			s++;
	} else {
		while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\r')
			buf_addc(&b, *s++);
	}
	*p = s;
	return (buf_steal(&b));
}
