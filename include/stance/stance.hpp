// Everything public in stance, for users who would rather include one header.
#pragma once

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/model/dataset.hpp"
#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/position.hpp"
#include "stance/store/store.hpp"
#include "stance/text/fold.hpp"
