package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import io.github.ndfilters.ij1.EndlessStack;

/**
 * Every kind of bad input, given to the SciJava commands as a script would
 * give it, ends the command canceled, with no result, one error in the log
 * that says what is wrong and what to do, and the input as it was.
 */
class CommandBadInputTest extends ContextTestBase
{
	private static final List< Class< ? extends Command > > COMMANDS = Arrays.asList(
			ConvolveCommand.class, CorrelateCommand.class, CompareCommand.class );

	@AfterEach
	void leaveBatchMode()
	{
		for ( final int id : Interpreter.getBatchModeImageIDs() )
			Interpreter.removeBatchModeImage( WindowManager.getImage( id ) );
		Interpreter.batchMode = false;
	}

	@Test
	void malformedKernelTextNamesTheRowAndValue()
	{
		assertRefused( "No kernel was given", "kernel", "" );
		assertRefused( "Kernel row 2, value 2: 'x' is not a number", "kernel", "1 2 3\n4 x 6" );
		assertRefused( "Kernel row 2 has 2 values but the first row has 3", "kernel",
				"1 2 3\n4 5" );
		assertRefused( "Kernel plane 2 has 1 rows but plane 1 has 2", "kernel",
				"1 2\n3 4\n\n5 6" );
		assertRefused( "value 2 is 'NaN'; a kernel weight must be a finite number", "kernel",
				"1 NaN 1" );
		assertRefused( "value 1 is 'Infinity'", "kernel", "Infinity 0 1" );
		assertRefused( "'psf.tif' is not the title of an open image", "kernel", "psf.tif" );
	}

	@Test
	void aKernelImageWithSeveralChannelsIsRefused()
	{
		final ImagePlus twoChannels = new ImagePlus( "psf2c", Pixels.floats( "psf2c",
				Pixels.values( 18 ), 3, 3, 2 ).getStack() );
		twoChannels.setDimensions( 2, 1, 1 );
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage( twoChannels );
		assertRefused( "'psf2c' has 2 channels; a kernel needs exactly one", "kernel", "psf2c" );
	}

	@Test
	void noImageIsAnError()
	{
		for ( final Class< ? extends Command > c : COMMANDS )
		{
			logged.clear();
			final CommandModule module = run( c, "kernel", "1 2 1" );
			assertTrue( module.isCanceled(), c.getSimpleName() );
			assertTrue( logged( LogLevel.ERROR ).contains( "There is no image to filter" ),
					logged( LogLevel.ERROR ) );
		}
	}

	@Test
	void aThreeDimensionalKernelOnASinglePlaneIsRefused()
	{
		assertRefused( "The kernel is 3 long along z, but 'ramp' has a single slice",
				"kernel", "laplacian-3d" );
	}

	@Test
	void unknownTokensAndValuesNameWhatIsAllowed()
	{
		assertRefused( "Unknown boundary 'wrap'", "kernel", "1 1", "boundary", "wrap" );
		assertRefused( "finite number", "kernel", "1 1", "boundary", "constant", "value",
				Double.NaN );
		assertRefused( "Unknown output size 'middle'", "kernel", "1 1", "output", "middle" );
		assertRefused( "Unknown method 'fastest'", "kernel", "1 1", "method", "fastest" );
		assertRefused( "lies outside the kernel", "kernel", "1 1", "center", "0,1" );
		assertRefused( "'valid' output would be empty", "kernel", "box 7", "output", "valid" );
		assertRefused( "'valid' output would be empty", "kernel", "1 2 3 4 5 6", "output",
				"valid" );
	}

	@Test
	void anUnknownOutputTypeIsRefused()
	{
		for ( final Class< ? extends Command > c : COMMANDS.subList( 0, 2 ) )
		{
			assertRefused( c, "32-bit", "kernel", "1 1", "type", "64-bit" );
			assertRefused( c, "type=8-bit is not a choice", "kernel", "1 1", "type", "8-bit" );
		}
	}

	/**
	 * SciJava would turn a word given for a {@code double} field into 0
	 * without a word; the constant is read as text so that it cannot be.
	 */
	@Test
	void aConstantThatIsNotANumberIsRefused()
	{
		assertRefused( "value=abc is not a number", "kernel", "1 1", "boundary", "constant",
				"value", "abc" );
		assertRefused( "value=1,5 is not a number", "kernel", "1 1", "boundary", "constant",
				"value", "1,5" );
	}

	/**
	 * A virtual stack of a million 1000 x 1000 planes: the result would need
	 * 4 TB, which is refused before anything is allocated, with the size.
	 */
	@Test
	void aResultLargerThanTheMemoryIsRefusedBeforeAllocating()
	{
		final ImagePlus huge = new ImagePlus( "huge", new EndlessStack( 1000, 1000,
				1_000_000 ) );
		for ( final Class< ? extends Command > c : COMMANDS )
		{
			logged.clear();
			final CommandModule module = run( c, "image", huge, "kernel", "1 2 1" );
			assertTrue( module.isCanceled() );
			final String errors = logged( LogLevel.ERROR );
			assertTrue( errors.contains( "Not enough memory" ) && errors.contains( c
					== CompareCommand.class ? "8000000000000 bytes" : "4000000000000 bytes" ),
					errors );
		}
	}

	/**
	 * Options never persist: a key a script leaves out always means its
	 * documented default, whatever an earlier run chose.
	 */
	@Test
	void noOptionIsRememberedBetweenRuns()
	{
		for ( final Class< ? extends Command > c : COMMANDS )
			for ( final ModuleItem< ? > item : context.service( CommandService.class )
					.getCommand( c ).inputs() )
			{
				final Class< ? > type = item.getType();
				if ( type == String.class || type == double.class || type == boolean.class )
					assertFalse( item.isPersisted(), c.getSimpleName() + "." + item.getName() );
			}
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 20 ), 5, 4 );
		final ImagePlus first = ( ImagePlus ) run( ConvolveCommand.class, "image", image,
				"kernel", "1 2", "boundary", "zero", "output", "full", "normalize", true )
						.getOutput( "result" );
		assertEquals( 6, first.getWidth() );
		final ImagePlus second = ( ImagePlus ) run( ConvolveCommand.class, "image", image,
				"kernel", "1 2" ).getOutput( "result" );
		assertEquals( 5, second.getWidth() );
		assertEquals( "Convolve of ramp (symmetric)", second.getTitle() );
	}

	// -- Helpers --

	private static void assertRefused( final String message, final Object... options )
	{
		for ( final Class< ? extends Command > c : COMMANDS )
			assertRefused( c, message, options );
	}

	private static void assertRefused( final Class< ? extends Command > command,
			final String message, final Object... options )
	{
		logged.clear();
		final ImagePlus image = Pixels.floats( "ramp", Pixels.values( 5 * 4 ), 5, 4 );
		final double[] before = Pixels.read( image );
		final int[] open = Interpreter.getBatchModeImageIDs();
		final Object[] inputs = new Object[ options.length + 2 ];
		inputs[ 0 ] = "image";
		inputs[ 1 ] = image;
		System.arraycopy( options, 0, inputs, 2, options.length );
		final CommandModule module = run( command, inputs );
		final String what = command.getSimpleName() + " " + Arrays.toString( options );
		assertTrue( module.isCanceled(), what );
		assertNull( module.getOutput( "result" ), what );
		assertNull( module.getOutput( "residual" ), what );
		final String errors = logged( LogLevel.ERROR );
		assertTrue( errors.contains( message ), what + ": " + errors );
		assertEquals( 1, errors.lines().filter( l -> l.contains( ": " ) ).count(), what + ": "
				+ errors );
		assertFalse( errors.contains( "Exception" ) || errors.contains( "\tat " ), errors );
		assertArrayEquals( before, Pixels.read( image ), what + ": the input changed" );
		assertArrayEquals( open, Interpreter.getBatchModeImageIDs(), what );
	}
}
