package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.widget.TextWidget;

import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Method;
import io.github.ndfilters.core.OutputSize;

/**
 * The forms the commands show: menu labels, the parameter names that serve as
 * macro keys, and choice lists that match the tokens the core accepts.
 */
class CommandFormTest extends ContextTestBase
{
	@Test
	void menuLabelsAreThoseOfTheSpecification()
	{
		assertEquals( "Correlate (n-D)...", leaf( CorrelateCommand.class ) );
		assertEquals( "Convolve (n-D)...", leaf( ConvolveCommand.class ) );
		assertEquals( "Compare Correlation and Convolution...", leaf( CompareCommand.class ) );
		assertEquals( "Process > Filters > Convolve (n-D)...",
				info( ConvolveCommand.class ).getMenuPath().getMenuString() );
	}

	@Test
	void parametersAreTheMacroKeysInFormOrder()
	{
		final String[] filter = { "image", "kernel", "boundary", "value", "output", "type",
				"normalize", "center", "method" };
		assertArrayEquals( filter, inputs( CorrelateCommand.class ) );
		assertArrayEquals( filter, inputs( ConvolveCommand.class ) );
		assertArrayEquals( new String[] { "image", "kernel", "boundary", "value", "output",
				"normalize", "center", "method" }, inputs( CompareCommand.class ) );
	}

	@Test
	void choicesAreTheTokensTheCoreAccepts()
	{
		for ( final Class< ? extends Command > c : Arrays.asList( CorrelateCommand.class,
				ConvolveCommand.class, CompareCommand.class ) )
		{
			assertEquals( tokens( Boundary.values() ), choices( c, "boundary" ) );
			assertEquals( tokens( OutputSize.values() ), choices( c, "output" ) );
			assertEquals( tokens( Method.values() ), choices( c, "method" ) );
		}
		assertEquals( Arrays.asList( "32-bit", "input" ), choices( ConvolveCommand.class,
				"type" ) );
	}

	@Test
	void everyInputHasALabelAndADescriptionAndTheKernelIsATextArea()
	{
		for ( final Class< ? extends Command > c : Arrays.asList( CorrelateCommand.class,
				ConvolveCommand.class, CompareCommand.class ) )
		{
			for ( final ModuleItem< ? > item : info( c ).inputs() )
			{
				if ( item.getType().getName().startsWith( "org.scijava" ) )
					continue;
				assertFalse( item.getLabel().isEmpty(), item.getName() );
				assertTrue( item.getDescription() != null && item.getDescription().length() > 20,
						item.getName() );
			}
			final ModuleItem< ? > kernel = info( c ).getInput( "kernel" );
			assertEquals( TextWidget.AREA_STYLE, kernel.getWidgetStyle() );
			assertTrue( kernel.getDescription().contains( "preset" ) && kernel.getDescription()
					.contains( "title of an open image" ) );
		}
	}

	@Test
	void defaultsNeedNoKey() throws Exception
	{
		final org.scijava.module.Module module = info( ConvolveCommand.class ).createModule();
		assertEquals( "symmetric", module.getInput( "boundary" ) );
		assertEquals( "0", module.getInput( "value" ) );
		assertEquals( "same", module.getInput( "output" ) );
		assertEquals( "32-bit", module.getInput( "type" ) );
		assertEquals( false, module.getInput( "normalize" ) );
		assertEquals( "", module.getInput( "center" ) );
		assertEquals( "auto", module.getInput( "method" ) );
	}

	private static CommandInfo info( final Class< ? extends Command > c )
	{
		return context.service( CommandService.class ).getCommand( c );
	}

	private static String leaf( final Class< ? extends Command > c )
	{
		return info( c ).getMenuPath().getLeaf().getName();
	}

	private static String[] inputs( final Class< ? extends Command > c )
	{
		final List< String > names = new ArrayList<>();
		for ( final ModuleItem< ? > item : info( c ).inputs() )
			if ( !item.getType().getName().startsWith( "org.scijava" ) )
				names.add( item.getName() );
		return names.toArray( new String[ 0 ] );
	}

	private static List< String > choices( final Class< ? extends Command > c,
			final String name )
	{
		return info( c ).getInput( name, String.class ).getChoices();
	}

	private static List< String > tokens( final Enum< ? >[] values )
	{
		final List< String > tokens = new ArrayList<>();
		for ( final Enum< ? > v : values )
			tokens.add( v instanceof Boundary ? ( ( Boundary ) v ).token()
					: v instanceof OutputSize ? ( ( OutputSize ) v ).token()
							: ( ( Method ) v ).token() );
		return tokens;
	}
}
