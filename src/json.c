#include "config.h"

#include "json.h"
