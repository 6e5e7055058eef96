/*
 * URLs: resolve a reference against a base (RFC 3986 section 5), and
 * tell which schemes telex will fetch.
 */
#ifndef TELEX_URL_H
#define TELEX_URL_H

/*
 * Resolve ref against base and return a new absolute URL the caller
 * frees.  With base NULL or not absolute, ref is returned as it is
 * (copied, trimmed).  Returns NULL only for a NULL or empty ref.
 */
char	*url_resolve(const char *base, const char *ref);

/* 1 if url is absolute (has a scheme), else 0. */
int	 url_is_absolute(const char *url);

/* 1 for http:// and https:// URLs (scheme case-insensitive). */
int	 url_is_http(const char *url);

/* 1 for file:// URLs. */
int	 url_is_file(const char *url);

/*
 * What a feed's address is: a web URL, a local file, a command whose
 * output is the feed ("exec:COMMAND") or a web or file URL whose body
 * goes through a command ("filter:COMMAND:URL"), as newsboat writes
 * them.  Leading white space and the case of the prefix do not count.
 */
enum url_kind {
	URL_KIND_HTTP,
	URL_KIND_FILE,
	URL_KIND_EXEC,
	URL_KIND_FILTER,
	URL_KIND_OTHER
};

enum url_kind	 url_kind(const char *url);
/* "http", "file", "exec", "filter" or "other". */
const char	*url_kind_name(enum url_kind);
/*
 * The command of an exec: or filter: address and, for filter:, the URL
 * after it (the first ':' followed by http://, https:// or file://), as
 * new strings (the caller frees).  0, or -1 with *cause set when the
 * command is blank or a filter names no URL.
 */
int		 url_command(const char *url, char **command, char **inner,
		     char **cause);

/* Host part of url (lowercased) into a new string, or NULL. */
char	*url_host(const char *url);

/*
 * url with the password of a user:password@ part shown as ***
 * (https://ann:***@host/feed), as a new string; other URLs copied.
 */
char	*url_mask(const char *url);
/* 1 if url holds a user:password@ part. */
int	 url_has_password(const char *url);

#endif
