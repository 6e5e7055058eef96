/*
 * libFuzzer target: URL resolution.  An input with a line break is a
 * base and a reference; without one it is a reference against a fixed
 * base.  Against an absolute base every result must be absolute.  Each
 * input is also classified as a feed address: a command split out of an
 * exec: or filter: address is never blank, and a filter's URL is a web
 * or file URL.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"
#include "util.h"

#define FUZZ_URL_BASE "https://fuzz.example/a/b/c;p?q=1#f"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_url_one(const char *base, const char *ref)
{
	char	*out, *host;

	out = url_resolve(base, ref);
	if (out == NULL)
		return;
	if (url_is_absolute(base) && !url_is_absolute(out))
		abort();
	host = url_host(out);
	free(host);
	(void)url_is_http(out);
	(void)url_is_file(out);
	free(out);
}

static void
fuzz_url_command(const char *s)
{
	enum url_kind	 kind = url_kind(s);
	char		*command, *inner, *cause = NULL;

	(void)url_kind_name(kind);
	if (url_command(s, &command, &inner, &cause) != 0) {
		if (cause == NULL || command != NULL || inner != NULL)
			abort();
		free(cause);
		return;
	}
	if ((kind != URL_KIND_EXEC && kind != URL_KIND_FILTER) ||
	    command[strspn(command, " \t\n\v\f\r")] == '\0' ||
	    (kind == URL_KIND_FILTER) != (inner != NULL) ||
	    (inner != NULL && url_kind(inner) != URL_KIND_HTTP &&
	    url_kind(inner) != URL_KIND_FILE))
		abort();
	free(command);
	free(inner);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *nl;

	s = xstrndup((const char *)data, size);
	fuzz_url_command(s);
	if ((nl = strchr(s, '\n')) == NULL) {
		fuzz_url_one(FUZZ_URL_BASE, s);
		fuzz_url_one(s, "../x/./y?z#w");
		fuzz_url_one(NULL, s);
	} else {
		*nl = '\0';
		fuzz_url_one(s, nl + 1);
		fuzz_url_one(nl + 1, s);
	}
	free(s);
	return (0);
}
