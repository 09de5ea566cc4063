package main

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"studyguide/content"
)

func newMapCmd(opts *options) *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "map",
		Short: "Print the argument at a glance: the essay's steps, each naming its chapter",
		Long: "Prints the essay's argument as a map drawn with box characters: the tension,\n" +
			"the pressures behind it, the ten warning signs (numbered and labelled as in the\n" +
			"quiz), the alternative and the cases, each node naming the chapter that argues it.\n" +
			"Narrower, its nodes stack into fewer columns, down to one at 40. In the guide,\n" +
			"m on the chapter list opens it, and enter on a node opens that chapter.",
		Example: "  studyguide map\n  studyguide map --width 40\n  studyguide map | lpr",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pack, err := opts.loadPack()
			if err != nil {
				return err
			}
			switch {
			case width <= 0:
				width = textWidth(cmd.OutOrStdout())
			case width < content.MapMinWidth:
				return fmt.Errorf("--width %d is too narrow for the map: give at least %d", width, content.MapMinWidth)
			}
			if err := content.WriteMap(cmd.OutOrStdout(), pack, width); err != nil {
				return err
			}
			legend := "ch N: the chapter that argues a step; studyguide read N opens it."
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "\n%s\n", ansi.Wordwrap(legend, width, ""))
			return err
		},
	}
	cmd.Flags().IntVarP(&width, "width", "w", 0, fmt.Sprintf("width in columns, at least %d (default: the terminal's, at most 80)", content.MapMinWidth))
	return cmd
}
