package main

import (
	"errors"

	"github.com/spf13/cobra"

	"studyguide/content"
)

func newPlanCmd(opts *options) *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Print a reading plan: the chapters grouped into meetings of about an hour",
		Long: "Prints, as plain text for paper, how the chapters group into meetings of about an\n" +
			"hour: reading time from the word counts, the discussion questions that fit, and\n" +
			"time for the quiz, with each meeting's focus.",
		Example: "  studyguide plan\n  studyguide plan | lpr\n  studyguide plan --width 60",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pack, err := opts.loadPack()
			if err != nil {
				return err
			}
			if len(pack.Chapters) == 0 {
				return errors.New("this pack has no chapters")
			}
			if width <= 0 {
				width = textWidth(cmd.OutOrStdout())
			}
			return content.WritePlan(cmd.OutOrStdout(), pack, width)
		},
	}
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap width in columns (default: the terminal's, at most 80)")
	return cmd
}
