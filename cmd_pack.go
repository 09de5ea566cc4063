package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"studyguide/content"
)

func newPackCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pack",
		Short: "Write and check study packs: another reading for the guide",
		Long: "A study pack is a directory: pack.yaml, the article in markdown, and optionally a\n" +
			"glossary, a quiz and a discussion guide. docs/packs.md describes every file.\n" +
			"Open one with --pack DIR on any command.",
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "init DIR",
		Short:   "Write a complete minimal pack to start from",
		Example: "  studyguide pack init ./mypack\n  studyguide pack validate ./mypack\n  studyguide --pack ./mypack",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := content.WriteSkeleton(args[0]); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote a minimal pack to %s. Edit its files, then run:\n  studyguide pack validate %s\n  studyguide --pack %s\n",
				args[0], args[0], args[0])
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:        "validate DIR",
		SuggestFor: []string{"check", "lint", "verify", "test"},
		Short:      "Check a pack: every problem at once, as file:line: problem",
		Long: "Checks every file of the pack in DIR and lists every problem, each as\n" +
			"file:line: problem, then warnings (things worth fixing that do not stop the pack\n" +
			"loading). Exits 0 only when there are no problems.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			probs, warns := content.ValidateDir(dir)
			out := cmd.OutOrStdout()
			for _, p := range probs {
				fmt.Fprintln(out, inDir(dir, p.Error()))
			}
			for _, w := range warns {
				fmt.Fprintln(out, inDir(dir, w.File)+warnLine(w))
			}
			switch {
			case len(probs) > 0:
				return fmt.Errorf("%s: %d %s, %d %s", dir, len(probs), plural(len(probs), "problem", "problems"),
					len(warns), plural(len(warns), "warning", "warnings"))
			case len(warns) > 0:
				fmt.Fprintf(out, "%s: no problems, %d %s\n", dir, len(warns), plural(len(warns), "warning", "warnings"))
			default:
				fmt.Fprintf(out, "%s: no problems\n", dir)
			}
			return nil
		},
	})
	return cmd
}

// inDir puts the pack directory before a file name (not filepath.Join: the
// message after it must stay as written).
func inDir(dir, s string) string {
	return strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator) + s
}

// warnLine is a warning's location and text after its file name.
func warnLine(w content.Problem) string {
	if w.Line > 0 {
		return fmt.Sprintf(":%d: warning: %s", w.Line, w.Msg)
	}
	return ": warning: " + w.Msg
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// loadPackFor loads the pack the command line asks for: --pack DIR, or the
// built-in essay.
func (o *options) loadPack() (*content.Pack, error) {
	if o == nil {
		return loadPack()
	}
	if o.loaded == nil { // once per run: read CHAPTER and the program share it
		o.loaded, o.loadErr = o.load()
	}
	return o.loaded, o.loadErr
}

func (o *options) load() (*content.Pack, error) {
	if o.pack == "" {
		return loadPack()
	}
	if _, err := os.Stat(o.pack); err != nil {
		return nil, fmt.Errorf("--pack %s: %w", o.pack, errors.Unwrap(err))
	}
	p, err := content.LoadDir(o.pack)
	if err != nil {
		return nil, fmt.Errorf("the pack in %s cannot be opened:\n%v\n(`studyguide pack validate %s` lists every problem)", o.pack, err, o.pack)
	}
	return p, nil
}
