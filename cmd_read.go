package main

import (
	"github.com/spf13/cobra"

	"studyguide/tui"
)

func newReadCmd(opts *options) *cobra.Command {
	return &cobra.Command{
		Use:               "read [CHAPTER]",
		Short:             "Open the reader where you left off, or at a chapter given by number or name",
		Example:           "  studyguide read\n  studyguide read 3\n  studyguide read institutional-isomorphism",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeChapters,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := opts.chapterArg(args, 0)
			if err != nil {
				return err
			}
			if n == 0 { // no CHAPTER: where the reader left off
				return runTUIWith(cmd, opts, tui.Options{Resume: true}, errNoTerminal.Error())
			}
			return runTUI(cmd, opts, n)
		},
	}
}
