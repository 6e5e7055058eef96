/*
 * libFuzzer target: URL resolution.  An input with a line break is a
 * base and a reference; without one it is a reference against a fixed
 * base.  Against an absolute base every result must be absolute.
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *nl;

	s = xstrndup((const char *)data, size);
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
