#include "config.h"

#include "opml.h"
