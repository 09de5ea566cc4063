package quiz

import (
	"math/rand/v2"
	"slices"
	"sort"

	"studyguide/content"
)

// shuffled is a copy of items in an order fixed by seed. The shuffle is
// written out here over the PCG generator, whose output is fixed by its
// definition, so a seed gives the same order on every build and platform
// (math/rand/v2 does not promise that for its helpers).
func shuffled(items []*content.Scenario, seed int64) []*content.Scenario {
	out := slices.Clone(items)
	r := rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)
	for i := len(out) - 1; i > 0; i-- {
		j := int(r.Uint64() % uint64(i+1))
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// sortStableBy orders items by key, keeping the order of equal keys.
func sortStableBy(items []*content.Scenario, key func(*content.Scenario) int) {
	sort.SliceStable(items, func(i, j int) bool { return key(items[i]) < key(items[j]) })
}
