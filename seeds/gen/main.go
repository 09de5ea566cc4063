// Command gen writes seeds/pack_gen.go: the built-in study pack, loaded and
// checked from the YAML and markdown beside it, as Go data compiled into the
// program. Run it after changing any file of the pack:
//
//	go generate ./seeds
package main

import (
	"fmt"
	"os"

	"studyguide/content/packgen"
)

// Command is how the generated file says it was made.
const Command = "go generate ./seeds"

func main() {
	src, err := packgen.Generate(os.DirFS("."), "seeds", "compiled", Command)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: the built-in pack does not load:\n%v\n", err)
		os.Exit(1)
	}
	if err := os.WriteFile("pack_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
