#include "config.h"

#include "ingest.h"
