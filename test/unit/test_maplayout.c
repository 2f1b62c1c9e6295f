/* The tile map: every municipality placed, no two on one slot, north stays
 * north and west stays west for municipalities well apart, and the arrow
 * keys follow geography. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "ankekort/data/maplayout.h"
#include "test_common.h"

static void check_layout(int cols, int rows)
{
	struct map_layout m;
	assert_true(map_layout_compute(&ds, cols, rows, &m));
	assert_int_equal(m.n, 98);
	for (size_t i = 0; i < m.n; i++) {
		assert_true(m.tiles[i].x >= 0 && m.tiles[i].x < cols);
		assert_true(m.tiles[i].y >= 0 && m.tiles[i].y < rows);
		assert_int_equal(strlen(m.tiles[i].abbr), 3);
		for (size_t j = i + 1; j < m.n; j++) {
			assert_false(m.tiles[i].x == m.tiles[j].x && m.tiles[i].y == m.tiles[j].y);
			assert_string_not_equal(m.tiles[i].abbr, m.tiles[j].abbr);
		}
	}
	/* well-separated pairs keep their order (Bornholm is an inset) */
	size_t pairs = 0;
	for (size_t i = 0; i < m.n; i++) {
		for (size_t j = 0; j < m.n; j++) {
			const struct map_tile *a = &m.tiles[i], *b = &m.tiles[j];
			const struct ak_municipality *ma = dataset_muni(&ds, a->code);
			const struct ak_municipality *mb = dataset_muni(&ds, b->code);
			if (a->code == MAP_BORNHOLM || b->code == MAP_BORNHOLM)
				continue;
			if (ma->lat - mb->lat > 0.6) {
				pairs++;
				if (a->y >= b->y)
					fail_msg("%dx%d: %s (north) is not above %s", cols, rows,
						 ma->name, mb->name);
			}
			if (mb->lon - ma->lon > 1.6) {
				pairs++;
				if (a->x >= b->x)
					fail_msg("%dx%d: %s (west) is not left of %s", cols, rows,
						 ma->name, mb->name);
			}
		}
	}
	assert_true(pairs > 1000);
	const struct map_tile *born = map_tile_of(&m, MAP_BORNHOLM);
	assert_non_null(born);
	assert_int_equal(born->x, cols - 1);
	map_layout_free(&m);
}

static void test_layout_sizes(void **state)
{
	(void)state;
	check_layout(12, 18); /* 80x24: a 49-column map pane, 18 rows */
	check_layout(15, 25);
	check_layout(25, 50);
	check_layout(40, 56); /* 200x60 */
}

static void test_too_small(void **state)
{
	(void)state;
	struct map_layout m;
	assert_false(map_layout_compute(&ds, 5, 5, &m));
	assert_int_equal(m.n, 0);
}

static void test_neighbours(void **state)
{
	(void)state;
	const struct ak_municipality *esb = dataset_muni(&ds, 561);
	int east = map_neighbour(&ds, 561, 1, 0);
	assert_true(east > 0);
	assert_true(dataset_muni(&ds, east)->lon > esb->lon);
	int north = map_neighbour(&ds, 561, 0, -1);
	assert_true(dataset_muni(&ds, north)->lat > esb->lat);
	assert_int_equal(map_neighbour(&ds, 561, -1, 0), 563); /* Fanø lies west of Esbjerg */
	assert_int_equal(map_neighbour(&ds, 400, 1, 0), -1);   /* nothing east of Bornholm */
	assert_int_equal(map_neighbour(&ds, 0, 1, 0), -1);     /* the nation is not on the map */
}

static void test_classes(void **state)
{
	(void)state;
	assert_int_equal(map_rate_class(0), 1);
	assert_int_equal(map_rate_class(19.9), 1);
	assert_int_equal(map_rate_class(20), 2);
	assert_int_equal(map_rate_class(39), 3);
	assert_int_equal(map_rate_class(45), 4);
	assert_int_equal(map_rate_class(50), 5);
	assert_int_equal(map_rate_class(100), 5);
}

/* The arrows follow the screen's grid: right is the next tile on the same
 * row, whatever the geography says (issue 13, 15). */
static void test_grid_steps(void **state)
{
	(void)state;
	struct map_layout m;
	assert_true(map_layout_compute(&ds, 20, 22, &m));
	size_t checked = 0;
	for (size_t i = 0; i < m.n; i++) {
		const struct map_tile *t = &m.tiles[i];
		int want = -1; /* the nearest tile to the right on the row */
		for (int x = t->x + 1; x < m.cols && want < 0; x++) {
			const struct map_tile *u = map_tile_at(&m, x, t->y);
			if (u)
				want = u->code;
		}
		assert_int_equal(map_grid_step(&m, t->code, 1, 0), want);
		int down = map_grid_step(&m, t->code, 0, 1);
		if (down >= 0) {
			const struct map_tile *d = map_tile_of(&m, down);
			assert_true(d->y > t->y);
			assert_true(abs(d->x - t->x) <= 1);
		}
		checked++;
	}
	assert_int_equal(checked, 98);
	assert_int_equal(map_grid_step(&m, 9999, 1, 0), -1);
	map_layout_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid_steps), cmocka_unit_test(test_layout_sizes),
		cmocka_unit_test(test_too_small),  cmocka_unit_test(test_neighbours),
		cmocka_unit_test(test_classes),
	};
	return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
