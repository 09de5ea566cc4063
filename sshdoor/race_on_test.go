//go:build race

package sshdoor

// raceEnabled is true under the race detector, which makes the tests of
// many connections several times slower.
const raceEnabled = true
