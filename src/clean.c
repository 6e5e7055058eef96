#include "config.h"

#include "clean.h"
