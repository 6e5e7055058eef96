#include "config.h"

#include "date.h"
