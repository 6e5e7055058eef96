#include "config.h"

#include "parse.h"
