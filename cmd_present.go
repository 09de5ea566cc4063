package main

import (
	"github.com/spf13/cobra"

	"studyguide/tui"
)

func newPresentCmd(opts *options) *cobra.Command {
	var (
		items int
		seed  int64
	)
	cmd := &cobra.Command{
		Use:   "present [CHAPTER]",
		Short: "Presenter mode for a projector: passages, questions with a timer, the quiz as a room",
		Long: "Shows the essay one step at a time in a high-contrast theme for a projector:\n" +
			"per chapter a title card with its key ideas, the passages, the discussion\n" +
			"questions, then quiz scenarios for the room to vote on by show of hands before\n" +
			"the answer is revealed, and the room's summary. t starts a discussion timer.\n" +
			"Press ? for every key. Nothing is saved unless --profile is given.",
		Example:           "  studyguide present\n  studyguide present 2 --items 3\n  studyguide present --profile tuesday-group",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeChapters,
		RunE: func(cmd *cobra.Command, args []string) error {
			// no CHAPTER: the first, or with --profile the one presented last
			n, err := opts.chapterArg(args, 0)
			if err != nil {
				return err
			}
			return runTUIWith(cmd, opts, tui.Options{Present: true, Chapter: n, PresentItems: items, PresentSeed: seed},
				"the presenter needs a terminal; for paper, try `studyguide plan` or `studyguide print`")
		},
	}
	cmd.Flags().IntVarP(&items, "items", "n", 4, "quiz scenarios per chapter (0: all of them)")
	cmd.Flags().Int64Var(&seed, "seed", 1, "which scenarios, in which order: the same seed gives the same ones")
	return cmd
}
