#@ CommandService command
#@ ImagePlus image

# Runs the n-D commands from a Jython script in Fiji. The inputs are named
# like the macro keys; options left out take their defaults. Running with
# True (pre- and postprocessing on) shows the result, as the menu would.

from io.github.ndfilters.command import CompareCommand, ConvolveCommand

module = command.run(ConvolveCommand, True,
                     "image", image,
                     "kernel", "1 2 1\n0 0 0\n-1 -2 -1",
                     "boundary", "mirror").get()
# None if the command failed or was canceled; the log says why
result = module.getOutput("result")

comparison = command.run(CompareCommand, True,
                         "image", image,
                         "kernel", "gaussian 1").get()
max_difference = comparison.getOutput("maxAbsoluteDifference")
