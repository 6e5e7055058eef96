/* libFuzzer target: the query language parser and printer. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "query.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct query	*q = NULL;
	char		*s, *cause = NULL, *printed;

	s = xstrndup((const char *)data, size);
	if (query_parse(s, &q, &cause) == 0) {
		printed = query_print(q);
		free(printed);
		query_free(q);
	}
	free(cause);
	free(s);
	return (0);
}
