#include "config.h"

#include "prepass.h"
