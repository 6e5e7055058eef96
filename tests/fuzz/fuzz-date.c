/* libFuzzer target: the date parser and formatters on arbitrary strings. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "date.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;
	char	 iso[32], shortdate[32];
	int64_t	 t;

	s = xstrndup((const char *)data, size);
	t = date_parse(s);
	if (t != DATE_NONE) {
		date_format_iso(t, iso, sizeof iso);
		date_format_short(t, shortdate, sizeof shortdate);
	}
	free(s);
	return (0);
}
