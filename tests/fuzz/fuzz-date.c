/* libFuzzer target: dates and URL resolution on arbitrary strings. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "url.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *half, *url;
	char	 iso[32];
	int64_t	 t;

	s = xstrndup((const char *)data, size);
	t = date_parse(s);
	if (t != DATE_NONE)
		date_format_iso(t, iso, sizeof iso);
	half = s + strlen(s) / 2;
	url = url_resolve(half, s);
	free(url);
	free(s);
	return (0);
}
