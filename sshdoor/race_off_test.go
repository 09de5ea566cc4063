//go:build !race

package sshdoor

const raceEnabled = false
