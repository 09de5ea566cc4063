//go:build race

package tui

// raceEnabled is true under the race detector, which makes the long random
// walks several times slower; they take fewer steps there (the full walks
// run in a plain go test).
const raceEnabled = true
