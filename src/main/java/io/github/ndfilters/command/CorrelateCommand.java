package io.github.ndfilters.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.ndfilters.core.Operation;

/**
 * Process &gt; Filters &gt; Correlate (n-D)...: slides the kernel over the
 * image as it is, {@code out[i] = sum over k of w[k] * in[i + k - c]}, on
 * images of any number of dimensions. See {@link AbstractFilterCommand} for
 * the options.
 */
@Plugin( type = Command.class, headless = true, menuPath = CorrelateCommand.MENU_PATH )
public class CorrelateCommand extends AbstractFilterCommand
{
	public static final String MENU_PATH = "Process>Filters>Correlate (n-D)...";

	@Override
	protected Operation operation()
	{
		return Operation.CORRELATE;
	}

	@Override
	protected String label()
	{
		return "Correlate (n-D)";
	}
}
