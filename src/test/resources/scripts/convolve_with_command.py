#@ CommandService command
#@ ModuleService modules
#@ ImagePlus image

# Runs the n-D commands from a Jython script in Fiji. The inputs are named
# like the macro keys; options left out take their defaults. Running with
# True (pre- and postprocessing on) shows the result, as the menu would.
# The commands are their own modules (their form lists the open images), so
# the module service runs them and returns them with their outputs.

from io.github.ndfilters.command import CompareCommand, ConvolveCommand

module = modules.run(command.getCommand(ConvolveCommand), True,
                     "image", image,
                     "kernel", "1 2 1\n0 0 0\n-1 -2 -1",
                     "boundary", "mirror").get()
# None if the command failed or was canceled; the log says why
result = module.getOutput("result")

comparison = modules.run(command.getCommand(CompareCommand), True,
                         "image", image,
                         "kernel", "gaussian 1").get()
max_difference = comparison.getOutput("maxAbsoluteDifference")
