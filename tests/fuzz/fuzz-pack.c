/*
 * libFuzzer target: packing and unpacking the archive's bodies.  The
 * first byte chooses: a round trip (what is packed, against a prefix or
 * not, unpacks to itself), or unpacking bytes as a damaged archive would
 * hold them (nothing but NULL or a string may come back).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store-pack.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store_packed	 pk;
	char			*text, *prefix, *out;
	size_t			 cut;

	if (size < 2)
		return (0);
	cut = 1 + data[1] % (size - 1);
	prefix = xstrndup((const char *)data + 1, cut - 1);
	text = xstrndup((const char *)data + cut, size - cut);
	switch (data[0] % 3) {
	case 0:
	case 1:
		store_pack(text, strlen(text), data[0] % 3 ? prefix : NULL,
		    strlen(prefix), &pk);
		if (pk.data != NULL) {
			out = store_unpack(pk.data, pk.len, prefix,
			    strlen(prefix));
			if (out == NULL || strcmp(out, text) != 0)
				abort();
			free(out);
		}
		store_packed_free(&pk);
		break;
	default:
		free(store_unpack(data + cut, size - cut, prefix,
		    strlen(prefix)));
		free(store_unpack(data + cut, size - cut, NULL, 0));
		break;
	}
	free(prefix);
	free(text);
	return (0);
}
