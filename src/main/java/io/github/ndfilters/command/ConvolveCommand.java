package io.github.ndfilters.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.ndfilters.core.Operation;

/**
 * Process &gt; Filters &gt; Convolve (n-D)...: the true convolution,
 * {@code out[i] = sum over k of w[k] * in[i - k + c]}, on images of any number
 * of dimensions. Kernel element {@code w[c]} lies over the output pixel, as in
 * correlation, so even-sized kernels are not shifted. See
 * {@link AbstractFilterCommand} for the options.
 */
@Plugin( type = Command.class, headless = true, menuPath = ConvolveCommand.MENU_PATH )
public class ConvolveCommand extends AbstractFilterCommand
{
	public static final String MENU_PATH = "Process>Filters>Convolve (n-D)...";

	@Override
	protected Operation operation()
	{
		return Operation.CONVOLVE;
	}

	@Override
	protected String label()
	{
		return "Convolve (n-D)";
	}
}
