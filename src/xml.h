/*
 * libxml2, loaded the first time a page or an OPML file is parsed: most
 * runs of telex (search, list, the reader) parse none, and loading it and
 * its libraries at start-up would cost more than a whole search.
 */
#ifndef TELEX_XML_H
#define TELEX_XML_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define XML_FUNCTIONS(f) \
	f(htmlReadMemory) f(xmlAddChild) f(xmlAddPrevSibling) \
	f(xmlChildElementCount) f(xmlCleanupParser) f(xmlCtxtReadMemory) \
	f(xmlDocGetRootElement) f(xmlFreeDoc) f(xmlFreeNode) \
	f(xmlFreeParserCtxt) f(xmlGetProp) f(xmlInitParser) \
	f(xmlNewParserCtxt) f(xmlNodeGetContent) f(xmlUnlinkNode)

#define XML_FIELD(name) __typeof__(&name) f_##name;
struct xml_api {
	XML_FUNCTIONS(XML_FIELD)
	xmlFreeFunc	*f_xmlFree;
};
#undef XML_FIELD
extern struct xml_api xml_api;

/*
 * Load libxml2 once; any thread may call this before parsing.  Returns
 * 0, or -1 without the library, with *cause (may be NULL; caller frees)
 * saying what to install: telex then cleans no HTML.
 */
int	 xml_need(char **cause);

/* Let libxml2 free what it keeps, if it was loaded. */
void	 xml_unload(void);

#ifndef XML_NO_NAMES
#undef xmlFree
#define htmlReadMemory		(*xml_api.f_htmlReadMemory)
#define xmlAddChild		(*xml_api.f_xmlAddChild)
#define xmlAddPrevSibling	(*xml_api.f_xmlAddPrevSibling)
#define xmlChildElementCount	(*xml_api.f_xmlChildElementCount)
#define xmlCtxtReadMemory	(*xml_api.f_xmlCtxtReadMemory)
#define xmlDocGetRootElement	(*xml_api.f_xmlDocGetRootElement)
#define xmlFree			(*xml_api.f_xmlFree)
#define xmlFreeDoc		(*xml_api.f_xmlFreeDoc)
#define xmlFreeNode		(*xml_api.f_xmlFreeNode)
#define xmlFreeParserCtxt	(*xml_api.f_xmlFreeParserCtxt)
#define xmlGetProp		(*xml_api.f_xmlGetProp)
#define xmlNewParserCtxt	(*xml_api.f_xmlNewParserCtxt)
#define xmlNodeGetContent	(*xml_api.f_xmlNodeGetContent)
#define xmlUnlinkNode		(*xml_api.f_xmlUnlinkNode)
#endif

#endif
