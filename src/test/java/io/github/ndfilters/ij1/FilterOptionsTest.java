package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Method;
import io.github.ndfilters.core.Operation;
import io.github.ndfilters.core.OutputSize;

public class FilterOptionsTest
{
	@Test
	public void defaultsNeedNoKey()
	{
		final FilterOptions o = FilterOptions.fromMacro( "kernel=[1 2 1] " );
		assertNull( o.image );
		assertEquals( "1 2 1", o.kernel );
		assertEquals( Boundary.SYMMETRIC, o.boundary );
		assertEquals( OutputSize.SAME, o.output );
		assertFalse( o.keepType );
		assertFalse( o.normalize );
		assertEquals( "", o.center );
		assertEquals( Method.AUTO, o.method );
	}

	@Test
	public void readsAFullyRecordedLineWithAnEmptyCenter()
	{
		// As ImageJ 1.x records the dialog: every field, booleans bare, empty strings empty.
		final FilterOptions o = FilterOptions.fromMacro( "image=[my cells.tif] kernel=[1 2\n3 4]"
				+ " boundary=constant value=2.5 output=valid type=input normalize center=[]"
				+ " method=direct " );
		assertEquals( "my cells.tif", o.image );
		assertEquals( "1 2\n3 4", o.kernel );
		assertEquals( Boundary.CONSTANT, o.boundary );
		assertEquals( 2.5, o.value );
		assertEquals( OutputSize.VALID, o.output );
		assertTrue( o.keepType );
		assertTrue( o.normalize );
		assertEquals( "", o.center.trim() );
		assertEquals( Method.DIRECT, o.method );
	}

	@Test
	public void bareKeyInsideABracketedValueIsNotAFlag()
	{
		assertFalse( FilterOptions.fromMacro( "image=[normalize me] kernel=[1]" ).normalize );
		assertTrue( FilterOptions.fromMacro( "kernel=[1] normalize=TRUE" ).normalize );
	}

	@Test
	public void aKernelImageKeyPicksThatImageAndWithoutItTheKernelIsRead()
	{
		final ImagePlus psf = new ImagePlus( "my psf", new FloatProcessor( 2, 1,
				new float[] { 3, -1 } ) );
		MacroRun.open( psf );
		try
		{
			// As Fiji records the SciJava form with an image picked.
			final FilterOptions picked = FilterOptions.fromMacro( "kernel=[1 2 1]"
					+ " kernelimage=[my psf] boundary=mirror" );
			assertEquals( "my psf", picked.kernel() );
			assertArrayEquals( new double[] { 3, -1 }, weights( picked ) );
			assertArrayEquals( new double[] { 3, -1 }, weights( FilterOptions.fromMacro(
					"kernelimage=[my psf]" ) ) );
			// As it records the form with the list at its first entry, and without the key.
			assertArrayEquals( new double[] { 1, 2, 1 }, weights( FilterOptions.fromMacro(
					"kernel=[1 2 1] kernelimage=[(use the kernel text)]" ) ) );
			assertArrayEquals( new double[] { 1, 2, 1 }, weights( FilterOptions.fromMacro(
					"kernel=[1 2 1]" ) ) );
			final String missing = assertThrows( IllegalArgumentException.class,
					() -> FilterOptions.fromMacro( "kernelimage=[(use the kernel text)]" ) )
					.getMessage();
			assertTrue( missing.contains( "no kernel" ), missing );
		}
		finally
		{
			MacroRun.closeAll();
		}
		final String closed = assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1 2 1] kernelimage=[my psf]" ).filter(
						Operation.CORRELATE ) ).getMessage();
		assertTrue( closed.contains( "The kernel image 'my psf' is not open" ), closed );
	}

	private static double[] weights( final FilterOptions options )
	{
		return options.filter( Operation.CORRELATE ).kernel().weights();
	}

	@Test
	public void badValuesNameWhatIsAllowed()
	{
		final String type = assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1] type=64-bit" ) ).getMessage();
		assertTrue( type.contains( "32-bit" ) && type.contains( "no 64-bit values" ), type );
		final String other = assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1] type=8-bit" ) ).getMessage();
		assertTrue( other.contains( "32-bit" ) && !other.contains( "64-bit" ), other );
		final String output = assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1] output=big" ) ).getMessage();
		assertTrue( output.contains( "same" ) && output.contains( "valid" ), output );
		final String value = assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1] value=abc" ) ).getMessage();
		assertTrue( value.contains( "value=abc" ), value );
	}

	@Test
	public void aMisspeltKeyIsRefusedNotIgnored()
	{
		final IllegalArgumentException e = assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1 2] boundry=zero" ) );
		assertTrue( e.getMessage().contains( "Unknown option 'boundry'" ), e.getMessage() );
		assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1 2] Boundary=zero" ) );
		assertThrows( IllegalArgumentException.class,
				() -> FilterOptions.fromMacro( "kernel=[1 2] normalise" ) );
	}

	@Test
	public void everyKeyAndBracketedValuesWithSpacesAndEqualsAreAccepted()
	{
		final FilterOptions o = FilterOptions.fromMacro( "image=[ratio=2 cells [1].tif]"
				+ " kernel=[1 2\n3 4] kernelimage=[(use the kernel text)] boundary=constant"
				+ " value=2.5 output=full type=input normalize center=[0,1] method=direct" );
		assertEquals( "ratio=2 cells [1].tif", o.image );
		assertEquals( Boundary.CONSTANT, o.boundary );
		assertEquals( 2.5, o.value );
		assertEquals( OutputSize.FULL, o.output );
		assertTrue( o.keepType );
		assertTrue( o.normalize );
		assertEquals( "0,1", o.center );
		assertEquals( Method.DIRECT, o.method );
	}
}
