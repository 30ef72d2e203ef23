package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.macro.Interpreter;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.kernel.KernelText;

/**
 * Every kind of bad input, given to the ImageJ 1.x commands by a batch macro,
 * ends the command with one line in the log that says what is wrong and what
 * to do, and nothing else happens: no stack trace, no new image, every open
 * image as it was, the input still the current image.
 */
public class MacroBadInputTest
{
	@AfterEach
	public void closeImages()
	{
		MacroRun.closeAll();
	}

	@Test
	public void malformedKernelTextNamesTheRowAndValue()
	{
		assertRefused( "kernel=[]", "No kernel was given" );
		assertRefused( "kernel=[1 2 3\n4 x 6]", "Kernel row 2, value 2: 'x' is not a number" );
		assertRefused( "kernel=[1 2 3\n4 5]",
				"Kernel row 2 has 2 values but the first row has 3", "fill gaps with 0" );
		assertRefused( "kernel=[1 2\n3 4\n\n5 6]", "Kernel plane 2 has 1 rows but plane 1 has 2" );
		assertRefused( "kernel=[1 NaN 1]", "value 2 is 'NaN'", "finite number" );
		assertRefused( "kernel=[1 2 1\n2 -Infinity 2]", "Kernel row 2, value 2 is '-Infinity'",
				"finite number" );
		assertRefused( "kernel=[0,5 0,25]", "decimal marks" );
	}

	/**
	 * A typing error in rows of numbers gets the parser's message, not the
	 * hint about titles; a word alone still gets the hint.
	 */
	@Test
	public void aWordAmongNumbersIsATypingErrorAndAWordAloneAMissingTitle()
	{
		assertRefused( "kernel=[1 2 3\n4 5 six]", "Kernel row 2, value 3: 'six' is not a number" );
		assertRefused( "kernel=[1 x 2]", "Kernel row 1, value 2: 'x' is not a number",
				"exact title" );
		assertRefused( "kernel=psf.tif", "'psf.tif' is not the title of an open image",
				"sobel-x" );
		assertRefused( "kernel=[my psf]", "'my psf' is not the title of an open image" );
		assertRefused( "kernel=[gausian 2]", "'gausian' is not a number", "gaussian" );
	}

	@Test
	public void aKernelImageWithSeveralChannelsOrOfRgbIsRefused()
	{
		final ImagePlus twoChannels = Pixels.random( "psf2c", 32, 3, 3, 2, 1, 1, 41 );
		final ImagePlus rgb = Pixels.random( "psf rgb", 24, 3, 3, 1, 1, 1, 42 );
		final Object[] before = Pixels.snapshot( twoChannels );
		assertRefused( "kernel=psf2c", new ImagePlus[] { twoChannels, rgb }, "'psf2c' has 2"
				+ " channels; a kernel needs exactly one", "Split Channels" );
		assertRefused( "kernel=[psf rgb]", new ImagePlus[] { twoChannels, rgb }, "is RGB",
				"32-bit" );
		Pixels.assertUnchanged( before, twoChannels );
	}

	@Test
	public void aKernelImageWithANaNIsRefused()
	{
		final ImagePlus psf = Pixels.random( "nan psf", 32, 3, 3, 1, 1, 1, 43 );
		psf.getProcessor().setf( 4, Float.NaN );
		assertRefused( "kernel=[nan psf]", new ImagePlus[] { psf }, "'nan psf' cannot be used",
				"finite" );
	}

	@Test
	public void unknownImageTokensAndValuesNameWhatIsAllowed()
	{
		assertRefused( "image=nope kernel=[1 1]", "No open image is called 'nope'",
				"case-sensitive" );
		assertRefused( "kernel=[1 1] boundary=reflect", "Unknown boundary 'reflect'",
				"symmetric, mirror, periodic" );
		assertRefused( "kernel=[1 1] boundary=constant value=abc", "value=abc is not a number",
				"value=0" );
		assertRefused( "kernel=[1 1] output=middle", "Unknown output size 'middle'",
				"same, full, valid" );
		assertRefused( "kernel=[1 1] type=16-bit", "16-bit", "32-bit" );
		assertRefused( "kernel=[1 1] type=64-bit", "32-bit", "input" );
		assertRefused( "kernel=[1 1] method=fastest", "Unknown method 'fastest'" );
		assertRefused( "kernel=[1 1] center=3,0", "lies outside the kernel", "0 to 1" );
		assertRefused( "kernel=[1 1] normalize=yes", "normalize=true" );
	}

	@Test
	public void noOpenImageIsAnErrorNotADialog()
	{
		MacroRun.closeAll();
		final MacroRun run = MacroRun.run( new Convolve_nD(), "kernel=[1 2 1]" );
		assertTrue( run.log.startsWith( "Convolve (n-D) error: There is no image to filter."
				+ " Open an image first" ), run.log );
		assertSame( null, run.current );
	}

	/**
	 * The ImageJ image is 6 x 5 with one slice and frame: a kernel reaching
	 * along z or t would fold over the single plane and look right while
	 * being a mix-up.
	 */
	@Test
	public void aKernelDeeperThanTheImageIsRefused()
	{
		assertRefused( "kernel=[1 2\n3 4\n\n5 6\n7 8]", "2 long along z", "single slice",
				"2-D kernel" );
		assertRefused( "kernel=[sobel-z]", "3 long along z" );
		final ImagePlus psf4d = Pixels.random( "psf4d", 32, 2, 2, 1, 1, 3, 44 );
		assertRefused( "kernel=psf4d", new ImagePlus[] { psf4d }, "3 long along t",
				"single frame" );
	}

	@Test
	public void anEmptyValidOutputIsRefused()
	{
		// The image is 6 x 5: a kernel 9 wide leaves no position inside it.
		assertRefused( "kernel=[box 9] output=valid", "'valid' output would be empty",
				"'same' or 'full'" );
		assertRefused( "kernel=[1 2 3 4 5 6 7] output=valid", "'valid' output would be empty",
				"axis 0" );
		assertRefused( "kernel=[1\n2\n3\n4\n5\n6] output=valid", "axis 1" );
	}

	/**
	 * A virtual stack of a million planes of 1000 x 1000 pixels reads one
	 * plane when opened; a 32-bit result would need 4 TB. The command refuses
	 * before allocating anything, saying how much it needed; an attempt to
	 * allocate would end in an {@link OutOfMemoryError} and another message.
	 */
	@Test
	public void aResultLargerThanTheMemoryIsRefusedBeforeAllocating()
	{
		final ImagePlus huge = new ImagePlus( "huge", new EndlessStack( 1000, 1000,
				1_000_000 ) );
		final ImagePlus[] images = { huge };
		assertRefused( "image=huge kernel=[1 2 1]", images, "Not enough memory",
				"4000000000000 bytes", "Memory & Threads" );
		assertRefused( "image=huge kernel=[1 2 1] type=input", images, "1000000000000 bytes" );
		MacroRun.open( huge );
		final String compare = MacroRun.run( new Compare_nD(), "image=huge kernel=[1 2 1]" ).log;
		// NB: the residual and one scratch channel, 4 bytes a sample each.
		assertTrue( compare.contains( "8000000000000 bytes" ), compare );
		// The core route refuses alike, before the first plane is read.
		final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
				() -> ImagePlusFilter.apply( huge, LinearFilter.correlate( KernelText.parse(
						"1 2 1" ) ), false, null ) );
		assertTrue( e.getMessage().contains( "4000000000000 bytes" ), e.getMessage() );
	}

	/**
	 * A virtual stack's planes of one channel are all read before filtering:
	 * 20000 planes of 1000 x 1000 bytes are 20 GB, more than the test's Java
	 * may use, even when the result itself (a 'valid' output two planes deep)
	 * is small. Refused before the first plane is read.
	 */
	@Test
	public void aVirtualStackTooLargeToReadIsRefusedBeforeReading()
	{
		final ImagePlus deep = new ImagePlus( "deep", new EndlessStack( 1000, 1000, 20000 ) );
		assertRefused( "image=deep kernel=[box 1 1 19999] output=valid type=input",
				new ImagePlus[] { deep }, "Not enough memory", "result 1.9 MiB",
				"working buffers 18.6 GiB (20000000000 bytes)" );
	}

	// -- Helpers --

	private static void assertRefused( final String options, final String... phrases )
	{
		assertRefused( options, new ImagePlus[ 0 ], phrases );
	}

	/**
	 * Opens a 6 x 5 image called {@code img} after the others, runs Convolve
	 * (n-D) and Correlate (n-D) with the options, and checks what the class
	 * comment promises.
	 */
	private static void assertRefused( final String options, final ImagePlus[] others,
			final String... phrases )
	{
		for ( final NdFilterPlugIn command : new NdFilterPlugIn[] { new Convolve_nD(),
				new Correlate_nD() } )
		{
			final ImagePlus image = Pixels.random( "img", 8, 6, 5, 1, 1, 1, 40 );
			final ImagePlus[] open = Arrays.copyOf( others, others.length + 1 );
			open[ open.length - 1 ] = image;
			MacroRun.open( open );
			final Object[] before = Pixels.snapshot( image );
			final int[] ids = Interpreter.getBatchModeImageIDs();
			final MacroRun run = MacroRun.run( command, options );
			final String what = command.command() + " " + options;
			assertTrue( run.log.startsWith( command.command().replace( "...", "" ) + " error: " ),
					what + ": " + run.log );
			for ( final String phrase : phrases )
				assertTrue( run.log.contains( phrase ), what + ": '" + phrase + "' missing from "
						+ run.log );
			assertFalse( run.log.contains( "Exception" ) || run.log.contains( "\tat " ),
					what + ": a stack trace in the log: " + run.log );
			assertTrue( run.log.strip().lines().count() == 1, what + ": " + run.log );
			assertSame( image, run.current, what + ": the input is no longer current" );
			assertArrayEquals( ids, Interpreter.getBatchModeImageIDs(), what
					+ ": an image was opened or closed" );
			Pixels.assertUnchanged( before, image );
			MacroRun.closeAll();
		}
	}
}
