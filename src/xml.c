/*
 * Loading libxml2 on first use (see xml.h): dlopen, every function telex
 * calls looked up once, then the parser initialised.
 */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"
#define XML_NO_NAMES
#include "xml.h"

#define XML_LIBRARY	"libxml2.so.2"

struct xml_api		 xml_api;
static pthread_once_t	 xml_once = PTHREAD_ONCE_INIT;
static const char	*xml_why;
static int		 xml_loaded;

/* The library's name; the tests name a missing one to see telex cope. */
static const char *
xml_library(void)
{
	const char	*name = getenv("TELEX_TEST_XML_LIBRARY");

	return (name != NULL && *name != '\0' ? name : XML_LIBRARY);
}

static void
xml_open(void)
{
	void	*h;

	if ((h = dlopen(xml_library(), RTLD_NOW | RTLD_LOCAL)) == NULL) {
		xml_why = "cannot load " XML_LIBRARY " — install libxml2";
		return;
	}
#define XML_LOOKUP(name) \
	if ((*(void **)&xml_api.f_##name = dlsym(h, #name)) == NULL) { \
		xml_why = XML_LIBRARY " has no " #name " — install a newer" \
		    " libxml2"; \
		return; \
	}
	XML_FUNCTIONS(XML_LOOKUP)
	XML_LOOKUP(xmlFree)
#undef XML_LOOKUP
	xml_api.f_xmlInitParser();
	xml_loaded = 1;
}

int
xml_need(char **cause)
{
	pthread_once(&xml_once, xml_open);
	if (xml_loaded)
		return (0);
	if (cause != NULL)
		*cause = xasprintf("cannot clean HTML: %s", xml_why);
	return (-1);
}

void
xml_unload(void)
{
	if (xml_loaded)
		xml_api.f_xmlCleanupParser();
}
